package dev.crmsync.service.worker;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Tells a waiting worker there may be work, without a sleep loop: signalled in-process right after a
 * commit, and by the LISTEN/NOTIFY listener for commits made by other instances.
 */
public final class WakeUp {
    private final Semaphore permits = new Semaphore(0);

    public void signal() {
        if (permits.availablePermits() == 0) {
            permits.release();
        }
    }

    /** Waits for a signal, at most {@code max}; returns early on one. */
    public void await(Duration max) throws InterruptedException {
        if (permits.tryAcquire(max.toMillis(), TimeUnit.MILLISECONDS)) {
            permits.drainPermits();
        }
    }
}
