package dev.crmsync.testkit.http;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Random;

/**
 * Faults a test asked for: failures for the next requests, a latency on every request, a late answer,
 * and a {@link Storm} over every request. Thread-safe.
 */
public final class FaultPlan {

    private static final class Pending {
        final String operation;
        int remaining;
        final int status;
        final Duration delay;

        Pending(String operation, int remaining, int status, Duration delay) {
            this.operation = operation;
            this.remaining = remaining;
            this.status = status;
            this.delay = delay;
        }

        boolean matches(String op) {
            return operation == null || operation.equals(op);
        }
    }

    private final List<Pending> failures = new ArrayList<>();
    private final List<Pending> delays = new ArrayList<>();
    private Duration latency = Duration.ZERO;
    private Storm storm;
    private Random stormRandom;
    private int burstLeft;
    private final Map<Storm.Hit, Integer> stormHits = new EnumMap<>(Storm.Hit.class);

    public synchronized void failNext(String operation, int count, int status) {
        if (count > 0) {
            failures.add(new Pending(operation, count, status, null));
        }
    }

    public synchronized void delayNext(String operation, Duration delay) {
        delays.add(new Pending(operation, 1, 0, delay));
    }

    public synchronized void setLatency(Duration latency) {
        this.latency = latency;
    }

    public synchronized Duration latency() {
        return latency;
    }

    /** The status to answer instead of handling this request, consuming one planned failure. */
    public synchronized OptionalInt takeFailure(String operation) {
        Pending pending = take(failures, operation);
        return pending == null ? OptionalInt.empty() : OptionalInt.of(pending.status);
    }

    /** How long to hold this request's answer after applying it. */
    public synchronized Duration takeDelay(String operation) {
        Pending pending = take(delays, operation);
        return pending == null ? Duration.ZERO : pending.delay;
    }

    /** Applies {@code storm} to every request from now on, replacing any storm before it. */
    public synchronized void startStorm(Storm storm) {
        this.storm = storm;
        this.stormRandom = new Random(storm.seed());
        this.burstLeft = 0;
    }

    /** The vendor recovers: requests are handled normally again (planned failures still apply). */
    public synchronized void stopStorm() {
        storm = null;
        burstLeft = 0;
    }

    /** What the storm does to this request; {@link Storm.Hit#NONE} when there is no storm. */
    public synchronized Storm.Hit drawStorm() {
        Storm.Hit hit = draw();
        stormHits.merge(hit, 1, Integer::sum);
        return hit;
    }

    /** How long a {@link Storm.Hit#STALL} holds its request. */
    public synchronized Duration stormStall() {
        return storm == null ? Duration.ZERO : storm.stall();
    }

    /** The status a {@link Storm.Hit#SERVER_ERROR} answers: one of 500, 502, 503, 504. */
    public synchronized int stormServerError() {
        int[] statuses = {500, 502, 503, 504};
        return statuses[(stormRandom == null ? new Random() : stormRandom).nextInt(statuses.length)];
    }

    /** How often each storm outcome was drawn since the last {@link #reset()}. */
    public synchronized Map<Storm.Hit, Integer> stormHits() {
        return Map.copyOf(stormHits);
    }

    public synchronized void reset() {
        failures.clear();
        delays.clear();
        latency = Duration.ZERO;
        stopStorm();
        stormHits.clear();
    }

    private Storm.Hit draw() {
        if (storm == null) {
            return Storm.Hit.NONE;
        }
        if (burstLeft > 0) {
            burstLeft--;
            return Storm.Hit.RATE_LIMITED;
        }
        double roll = stormRandom.nextDouble();
        if ((roll -= storm.serverErrors()) < 0) {
            return Storm.Hit.SERVER_ERROR;
        }
        if ((roll -= storm.rateLimitBursts()) < 0) {
            burstLeft = storm.burstLength() - 1;
            return Storm.Hit.RATE_LIMITED;
        }
        if ((roll -= storm.stalls()) < 0) {
            return Storm.Hit.STALL;
        }
        if ((roll -= storm.resets()) < 0) {
            return stormRandom.nextBoolean() ? Storm.Hit.RESET_BEFORE_APPLY : Storm.Hit.RESET_AFTER_APPLY;
        }
        return Storm.Hit.NONE;
    }

    private static Pending take(List<Pending> plan, String operation) {
        for (Iterator<Pending> it = plan.iterator(); it.hasNext(); ) {
            Pending pending = it.next();
            if (pending.matches(operation)) {
                if (--pending.remaining <= 0) {
                    it.remove();
                }
                return pending;
            }
        }
        return null;
    }
}
