package dev.crmsync.service.worker;

/**
 * Hears about inbound events an {@link InboundWorker} finished, after the transaction that finished
 * them committed: never on the worker's database path, and never for a batch that rolled back.
 * Implementations must be quick and must not throw (a throw is logged and ignored); slow work
 * (HTTP) belongs on their own thread.
 */
@FunctionalInterface
public interface EventObserver {
    /** Observes nothing. */
    EventObserver NONE = event -> {
    };

    void processed(ProcessedEvent event);

    /**
     * One finished event as stored: {@code payload} is the sender's raw body and may carry personal
     * data, so observers must not log or forward it whole.
     */
    record ProcessedEvent(long id, String source, String eventType, byte[] payload) {
    }
}
