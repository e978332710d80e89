package dev.crmsync.testkit.salesforce;

import dev.crmsync.core.spi.SimulatorProvider;

/** Lets the service run Salesforce in sandbox mode: starts a {@link SalesforceSimulator} (client-credentials grant). */
public final class SalesforceSimulatorProvider implements SimulatorProvider {

    @Override
    public String systemId() {
        return "salesforce";
    }

    @Override
    public RunningSimulator start(int port) {
        return SalesforceSimulator.start(port);
    }
}
