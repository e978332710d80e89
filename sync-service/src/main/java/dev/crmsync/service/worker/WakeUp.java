package dev.crmsync.service.worker;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Tells a waiting worker there may be work, without a sleep loop: signalled in-process right after a
 * commit, and by the LISTEN/NOTIFY listener for commits made by other instances.
 */
public final class WakeUp {
    private final Semaphore permits = new Semaphore(0);
    private final List<WakeUp> followers = new CopyOnWriteArrayList<>();

    /**
     * Every signal to this one also wakes {@code other}. One permit wakes one waiter, so several
     * waiters (one dispatcher per target) each wait on their own and follow a shared one; otherwise
     * a wake-up taken by one target leaves the other asleep until its poll interval.
     */
    public void alsoWake(WakeUp other) {
        followers.add(other);
    }

    public void signal() {
        if (permits.availablePermits() == 0) {
            permits.release();
        }
        for (WakeUp follower : followers) {
            follower.signal();
        }
    }

    /** Waits for a signal, at most {@code max}; returns early on one, and whether there was one. */
    public boolean await(Duration max) throws InterruptedException {
        if (permits.tryAcquire(max.toMillis(), TimeUnit.MILLISECONDS)) {
            permits.drainPermits();
            return true;
        }
        return false;
    }
}
