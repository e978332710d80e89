package dev.crmsync.testkit.http;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Counts of authorised API calls per operation, and of calls refused by the rate limit. Thread-safe. */
public final class RequestCounters {
    private final Map<String, AtomicInteger> byOperation = new ConcurrentHashMap<>();
    private final AtomicInteger rateLimited = new AtomicInteger();

    public void admitted(String operation) {
        byOperation.computeIfAbsent(operation, k -> new AtomicInteger()).incrementAndGet();
    }

    public void rateLimited() {
        rateLimited.incrementAndGet();
    }

    public Map<String, Integer> byOperation() {
        Map<String, Integer> copy = new TreeMap<>();
        byOperation.forEach((op, n) -> copy.put(op, n.get()));
        return copy;
    }

    public int total() {
        return byOperation.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    public int rateLimitedCount() {
        return rateLimited.get();
    }

    public void reset() {
        byOperation.clear();
        rateLimited.set(0);
    }
}
