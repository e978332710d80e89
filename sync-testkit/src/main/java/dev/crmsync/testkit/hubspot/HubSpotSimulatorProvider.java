package dev.crmsync.testkit.hubspot;

import dev.crmsync.core.spi.SimulatorProvider;

/** Lets the service run HubSpot in sandbox mode: starts a {@link HubSpotSimulator} with its default token. */
public final class HubSpotSimulatorProvider implements SimulatorProvider {

    @Override
    public String systemId() {
        return "hubspot";
    }

    @Override
    public RunningSimulator start(int port) {
        return HubSpotSimulator.start(port, HubSpotSimulator.DEFAULT_ACCESS_TOKEN);
    }
}
