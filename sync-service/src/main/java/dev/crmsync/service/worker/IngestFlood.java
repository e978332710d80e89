package dev.crmsync.service.worker;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * Counts the webhook requests this instance is handling, and says when there are so many that ingest is
 * flooded. While it is, the inbound workers pause between batches: an acknowledgement that comes late can
 * make a vendor give up on an event, while planning that comes late only leaves a durable backlog, which
 * the workers drain when the flood is over.
 *
 * <p>A flood lasts {@link #HOLD} past the last moment the count reached the threshold: between two requests of
 * one connection the count dips (the answer is on its way, the next request not yet parsed), and a flood seen
 * only at its peaks let the workers take half the CPU back during one (issue 9's ingest profile).
 */
public final class IngestFlood {
    /** How long a flood outlasts the last request that found the threshold reached. */
    public static final Duration HOLD = Duration.ofMillis(250);

    private final AtomicInteger inFlight = new AtomicInteger();
    private final int threshold;
    private final LongSupplier nanoTime;
    /** When a request last found the threshold reached ({@link #nanoTime}); a hold ago at the start. */
    private volatile long reachedAt;

    /** @param threshold requests in flight that make a flood; 0 for never */
    public IngestFlood(int threshold) {
        this(threshold, System::nanoTime);
    }

    IngestFlood(int threshold, LongSupplier nanoTime) {
        this.threshold = threshold;
        this.nanoTime = nanoTime;
        this.reachedAt = nanoTime.getAsLong() - HOLD.toNanos();
    }

    public void requestStarted() {
        if (inFlight.incrementAndGet() >= threshold && threshold > 0) {
            reachedAt = nanoTime.getAsLong();
        }
    }

    public void requestEnded() {
        inFlight.decrementAndGet();
    }

    public boolean flooded() {
        if (threshold <= 0) {
            return false;
        }
        return inFlight.get() >= threshold || nanoTime.getAsLong() - reachedAt < HOLD.toNanos();
    }
}
