package dev.crmsync.adapter.hubspot;

/**
 * Spaces calls so that no rolling window of {@code interval} sees more than HubSpot's maximum: a virtual
 * schedule (the generic cell rate algorithm) with one call every {@code interval / (max - burst - 2)} and
 * {@code burst} (a twentieth of the maximum) calls of slack, so any window holds at most {@code max - 1}:
 * 93% of 100 per 10 s, 94% of 190. The window can change with
 * every answer's headers without a fresh allowance, so a change never lets a burst through. Until HubSpot
 * has said anything, HubSpot's smallest documented limit (100 per 10 s) applies without slack. Uses
 * {@link System#nanoTime()}: pacing is about real seconds. Thread-safe.
 */
final class WindowPacer {
    private long emissionNanos = 10_000_000_000L / 99;
    private long burst;
    private long max = -1;
    private long intervalNanos = -1;
    private long theoreticalArrival = System.nanoTime();

    /** Follows HubSpot's {@code X-HubSpot-RateLimit-Max} and {@code -Interval-Milliseconds}. */
    synchronized void follow(long newMax, long intervalMillis) {
        if (newMax == max && intervalMillis * 1_000_000 == intervalNanos) {
            return;
        }
        max = newMax;
        intervalNanos = intervalMillis * 1_000_000;
        burst = newMax / 20;
        emissionNanos = intervalNanos / Math.max(1, newMax - burst - 2);
    }

    /** A rolling window's worth of one call: how long the pacer holds calls when HubSpot says none are left. */
    synchronized long emissionNanos() {
        return emissionNanos;
    }

    /** Takes the next slot; returns how many nanoseconds the caller must wait before sending. */
    synchronized long reserve() {
        long now = System.nanoTime();
        long tat = Math.max(theoreticalArrival, now);
        long wait = Math.max(0, tat - burst * emissionNanos - now);
        theoreticalArrival = tat + emissionNanos;
        return wait;
    }

    /** Nothing may go out for {@code nanos}: HubSpot said the window is spent. */
    synchronized void holdFor(long nanos) {
        theoreticalArrival = Math.max(theoreticalArrival, System.nanoTime() + nanos + burst * emissionNanos);
    }
}
