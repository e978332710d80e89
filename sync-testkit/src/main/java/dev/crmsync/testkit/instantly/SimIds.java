package dev.crmsync.testkit.instantly;

import java.util.concurrent.atomic.AtomicLong;

/**
 * UUID-shaped ids that sort in creation order, as Instantly's UUIDv7 ids do; list endpoints page by
 * id ascending, so the order matters. Thread-safe.
 */
final class SimIds {
    private final AtomicLong counter = new AtomicLong();
    private final String prefix;

    SimIds(int kind) {
        this.prefix = String.format("019c%04x-0000-7000-8000-", kind);
    }

    String next() {
        return prefix + String.format("%012x", counter.incrementAndGet());
    }
}
