package dev.crmsync.service.worker;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts the webhook requests this instance is handling, and says when there are so many that ingest is
 * flooded. While it is, the inbound workers pause between batches: an acknowledgement that comes late can
 * make a vendor give up on an event, while planning that comes late only leaves a durable backlog, which
 * the workers drain when the flood is over.
 */
public final class IngestFlood {
    private final AtomicInteger inFlight = new AtomicInteger();
    private final int threshold;

    /** @param threshold requests in flight that make a flood; 0 for never */
    public IngestFlood(int threshold) {
        this.threshold = threshold;
    }

    public void requestStarted() {
        inFlight.incrementAndGet();
    }

    public void requestEnded() {
        inFlight.decrementAndGet();
    }

    public boolean flooded() {
        return threshold > 0 && inFlight.get() >= threshold;
    }
}
