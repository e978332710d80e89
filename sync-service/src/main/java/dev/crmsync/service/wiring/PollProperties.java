package dev.crmsync.service.wiring;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the change-feed pollers ({@code sync.poll.*}).
 *
 * @param enabled        poll the systems that have a change feed ({@code SYNC_POLL_ENABLED}, true)
 * @param pageLimit      the most events asked for in one poll ({@code SYNC_POLL_PAGE_LIMIT}, 200)
 * @param intervals      per system, the wait between polls when the feed is caught up, overriding the
 *                       feed's own ({@code sync.poll.intervals.salesforce=30s}, {@code SYNC_POLL_INTERVALS_SALESFORCE})
 * @param lockRetry      how often an instance that does not hold a feed's lock tries to take it over (5s)
 * @param initialBackoff first wait after a failed poll, doubled per failure with jitter (1s)
 * @param maxBackoff     the longest wait after failed polls (5m)
 */
@ConfigurationProperties(prefix = "sync.poll")
public record PollProperties(Boolean enabled, Integer pageLimit, Map<String, Duration> intervals, Duration lockRetry,
                             Duration initialBackoff, Duration maxBackoff) {

    public PollProperties {
        enabled = enabled == null || enabled;
        pageLimit = pageLimit == null || pageLimit < 1 ? 200 : pageLimit;
        intervals = intervals == null ? Map.of() : Map.copyOf(intervals);
        lockRetry = positiveOr(lockRetry, Duration.ofSeconds(5));
        initialBackoff = positiveOr(initialBackoff, Duration.ofSeconds(1));
        maxBackoff = positiveOr(maxBackoff, Duration.ofMinutes(5));
    }

    private static Duration positiveOr(Duration value, Duration otherwise) {
        return value == null || value.isZero() || value.isNegative() ? otherwise : value;
    }
}
