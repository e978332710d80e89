package dev.crmsync.testkit.instantly;

import dev.crmsync.core.spi.SimulatorProvider;

/** Lets the service run Instantly in sandbox mode: starts an {@link InstantlySimulator} with its default key. */
public final class InstantlySimulatorProvider implements SimulatorProvider {

    @Override
    public String systemId() {
        return "instantly";
    }

    @Override
    public RunningSimulator start(int port) {
        return InstantlySimulator.start(port, InstantlySimulator.DEFAULT_API_KEY);
    }
}
