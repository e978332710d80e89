package dev.crmsync.testkit.http;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.OptionalInt;

/** Faults a test asked for: failures for the next requests, a latency on every request, a late answer. Thread-safe. */
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

    public synchronized void reset() {
        failures.clear();
        delays.clear();
        latency = Duration.ZERO;
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
