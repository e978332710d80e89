package dev.crmsync.core.spi;

/**
 * A stateful in-process stand-in for a vendor's API, discovered with {@link java.util.ServiceLoader}
 * when the service runs in sandbox mode (no credentials for that vendor). The service never names
 * a simulator class.
 */
public interface SimulatorProvider {

    /** The system it stands in for, matching an {@link AdapterProvider#systemId()}. */
    String systemId();

    /** Starts the simulator on a loopback port (0 picks a free one). Called once, at start-up. */
    RunningSimulator start(int port);

    /** A started simulator. */
    interface RunningSimulator extends AutoCloseable {

        /** Scheme, host and port, to use as the adapter's {@code base-url}. */
        String baseUrl();

        /** Config values the adapter needs to talk to it (e.g. {@code access-token}). */
        java.util.Map<String, String> adapterConfig();

        /** A path under {@link #baseUrl()} where a person can look at the simulator's state. */
        String statePath();

        /**
         * From now on, sends the simulator's webhooks (the vendor's events: a rep's edits, the echoes of
         * the service's own writes) to {@code endpoint}, signed so the adapter configured with
         * {@link #adapterConfig()} accepts them. Called once the service listens, so a sandbox shows the
         * whole loop. The default sends none, for simulators whose vendor sends no webhooks.
         */
        default void sendWebhooksTo(java.net.URI endpoint) {
        }

        @Override
        void close();
    }
}
