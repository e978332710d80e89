package dev.crmsync.testkit.instantly;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Counts of authorised API calls per operation, and of calls refused by the rate limit. Thread-safe. */
final class RequestCounters {
    private final Map<String, AtomicInteger> byOperation = new ConcurrentHashMap<>();
    private final AtomicInteger rateLimited = new AtomicInteger();

    void admitted(String operation) {
        byOperation.computeIfAbsent(operation, k -> new AtomicInteger()).incrementAndGet();
    }

    void rateLimited() {
        rateLimited.incrementAndGet();
    }

    Map<String, Integer> byOperation() {
        Map<String, Integer> copy = new TreeMap<>();
        byOperation.forEach((op, n) -> copy.put(op, n.get()));
        return copy;
    }

    int total() {
        return byOperation.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    int rateLimitedCount() {
        return rateLimited.get();
    }

    void reset() {
        byOperation.clear();
        rateLimited.set(0);
    }
}
