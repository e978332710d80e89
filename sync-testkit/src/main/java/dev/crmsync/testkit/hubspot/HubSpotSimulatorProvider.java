package dev.crmsync.testkit.hubspot;

import dev.crmsync.core.spi.SimulatorProvider;

/**
 * Lets the service run HubSpot in sandbox mode: starts a {@link HubSpotSimulator} with its default token,
 * as the sandbox app ({@link HubSpotSimulator#SANDBOX_CLIENT_SECRET}, {@link HubSpotSimulator#SANDBOX_APP_ID}),
 * so its {@code adapterConfig()} lets the adapter verify the webhooks it sends once pointed at the service.
 */
public final class HubSpotSimulatorProvider implements SimulatorProvider {

    @Override
    public String systemId() {
        return "hubspot";
    }

    @Override
    public RunningSimulator start(int port) {
        HubSpotSimulator simulator = HubSpotSimulator.start(port, HubSpotSimulator.DEFAULT_ACCESS_TOKEN);
        simulator.actAsApp(HubSpotSimulator.SANDBOX_CLIENT_SECRET, HubSpotSimulator.SANDBOX_APP_ID);
        return simulator;
    }
}
