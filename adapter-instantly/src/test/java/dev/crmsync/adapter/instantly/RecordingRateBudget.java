package dev.crmsync.adapter.instantly;

import dev.crmsync.core.spi.RateBudget;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A rate budget that never waits and remembers what the adapter told it. */
final class RecordingRateBudget implements RateBudget {
    final AtomicInteger acquired = new AtomicInteger();
    final List<Duration> pauses = new CopyOnWriteArrayList<>();
    final List<long[]> observed = new CopyOnWriteArrayList<>();

    @Override
    public void acquire() {
        acquired.incrementAndGet();
    }

    @Override
    public void pauseFor(Duration wait) {
        pauses.add(wait);
    }

    @Override
    public void observeRemaining(long remaining, long max) {
        observed.add(new long[] {remaining, max});
    }
}
