package dev.crmsync.service.worker;

import dev.crmsync.core.spi.AdapterException;
import dev.crmsync.core.spi.ChangeFeed;
import dev.crmsync.core.spi.TransientAdapterException;
import dev.crmsync.service.metrics.SyncMetrics;
import dev.crmsync.service.persistence.FeedLock;
import dev.crmsync.service.persistence.PolledPageStore;
import io.github.resilience4j.core.IntervalFunction;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Runs one system's {@link ChangeFeed} while this instance holds the feed's lock; the other instances
 * retry the lock every {@code lockRetry} and take over when the holder's session ends. Each poll reads
 * the stored cursor, fetches a page, and commits its events with the next cursor in one transaction.
 * A page that says {@code more} is followed at once, otherwise the next poll waits the feed's interval;
 * a feed or store failure leaves the cursor and backs off exponentially with jitter.
 */
public final class FeedPoller implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(FeedPoller.class);

    /** How long each wait is, given the settings. */
    public record Timing(Duration interval, Duration lockRetry, Duration initialBackoff, Duration maxBackoff) {
    }

    private final String system;
    private final ChangeFeed feed;
    private final FeedLock lock;
    private final PolledPageStore store;
    private final int pageLimit;
    private final Timing timing;
    private final IntervalFunction backoff;
    private final Runnable onStored;
    private final Clock clock;
    private final SyncMetrics metrics;
    private int failures;
    private volatile boolean running = true;

    /** @param onStored run after a commit that stored new events (wakes this instance's workers) */
    public FeedPoller(String system, ChangeFeed feed, FeedLock lock, PolledPageStore store, int pageLimit,
                      Timing timing, Runnable onStored, Clock clock, SyncMetrics metrics) {
        this.system = system;
        this.feed = feed;
        this.lock = lock;
        this.store = store;
        this.pageLimit = pageLimit;
        this.timing = timing;
        this.backoff = IntervalFunction.ofExponentialRandomBackoff(timing.initialBackoff().toMillis(), 2.0, 0.5,
                timing.maxBackoff().toMillis());
        this.onStored = onStored;
        this.clock = clock;
        this.metrics = metrics;
    }

    public String system() {
        return system;
    }

    @Override
    public void run() {
        MDC.put("system", system);
        boolean holding = false;
        try {
            while (running) {
                if (!lock.tryAcquire()) {
                    if (holding) {
                        log.warn("Poller {}: lost its feed lock; another instance may take over", system);
                    }
                    holding = false;
                    Thread.sleep(timing.lockRetry().toMillis());
                    continue;
                }
                if (!holding) {
                    log.info("Poller {}: holds the feed lock; polling every {}", system, timing.interval());
                    holding = true;
                }
                Duration wait = pollOnce();
                if (!wait.isZero()) {
                    Thread.sleep(wait.toMillis());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lock.release();
            MDC.remove("system");
        }
    }

    public void stop() {
        running = false;
    }

    /** One poll under the held lock; returns how long to wait before the next. */
    Duration pollOnce() {
        ChangeFeed.Page page;
        try {
            String cursor = store.cursor(lock.connection(), system).orElse(null);
            page = feed.poll(cursor, pageLimit);
        } catch (AdapterException e) {
            metrics.polled(system, "feed-error", 0, 0);
            return backOff(e, "the feed failed: " + e.getMessage());
        } catch (SQLException e) {
            metrics.polled(system, "store-error", 0, 0);
            return backOff(null, "the cursor could not be read: " + e.getMessage());
        }
        try {
            int stored = store.commitPage(lock.connection(), system, page, clock.instant());
            failures = 0;
            metrics.polled(system, "ok", page.events().size(), stored);
            log.debug("Poller {}: {} event(s), {} new; more={}", system, page.events().size(), stored, page.more());
            if (stored > 0) {
                onStored.run();
            }
        } catch (SQLException | RuntimeException e) {
            metrics.polled(system, "store-error", page.events().size(), 0);
            return backOff(null, "the page was not committed: " + e.getMessage());
        }
        return page.more() ? Duration.ZERO : timing.interval();
    }

    private Duration backOff(AdapterException error, String why) {
        failures++;
        Duration wait = Duration.ofMillis(backoff.apply(failures));
        if (error instanceof TransientAdapterException t && t.retryAfter().isPresent()
                && t.retryAfter().get().compareTo(wait) > 0) {
            wait = t.retryAfter().get();
        }
        log.warn("Poller {}: {}; cursor left, retry {} in {}", system, why, failures, wait);
        return wait;
    }
}
