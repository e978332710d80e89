package dev.crmsync.service.metrics;

import dev.crmsync.service.persistence.PolledPageStore;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code sync.poll.cursor.lag.seconds} per polled system, read from the stored cursor so every instance
 * reports the same value: now minus the time the cursor names when it is an ISO-8601 timestamp (alone or
 * as the first part of {@code time|id}-style cursors), else the age of the last successful poll. NaN
 * before the first poll. Each value is reused for a few seconds, so scrapes cost the database little.
 */
public final class CursorLagGauges {
    private static final Duration FRESH_FOR = Duration.ofSeconds(5);
    private static final List<DateTimeFormatter> FORMATS = List.of(DateTimeFormatter.ISO_OFFSET_DATE_TIME,
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss[.SSS]xx"));

    private final PolledPageStore store;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    private record Cached(double value, long at) {
    }

    public CursorLagGauges(PolledPageStore store, MeterRegistry registry, Set<String> systems, Clock clock) {
        this.store = store;
        this.clock = clock;
        for (String system : systems) {
            Gauge.builder("sync.poll.cursor.lag.seconds", () -> cached(system))
                    .tag("system", system)
                    .description("How far the stored cursor is behind now (or, for opaque cursors, the last poll's age)")
                    .register(registry);
        }
    }

    /** The time a cursor names, when it is (or starts with) an ISO-8601 instant, offset {@code Z}, {@code +00:00} or {@code +0000}. */
    static Optional<Instant> cursorTime(String cursor) {
        String first = cursor.trim().split("[|,;\\s]", 2)[0];
        for (DateTimeFormatter format : FORMATS) {
            try {
                return Optional.of(OffsetDateTime.parse(first, format).toInstant());
            } catch (DateTimeParseException notThisForm) {
                // try the next form
            }
        }
        return Optional.empty();
    }

    private double cached(String system) {
        long now = System.nanoTime();
        Cached hit = cache.get(system);
        if (hit != null && now - hit.at() < FRESH_FOR.toNanos()) {
            return hit.value();
        }
        double value;
        try {
            value = store.storedCursor(system).map(this::lagSeconds).orElse(Double.NaN);
        } catch (RuntimeException databaseDown) {
            value = hit == null ? Double.NaN : hit.value();
        }
        cache.put(system, new Cached(value, now));
        return value;
    }

    private double lagSeconds(PolledPageStore.StoredCursor cursor) {
        Instant since = cursorTime(cursor.position()).orElse(cursor.updatedAt());
        return Math.max(0, Duration.between(since, clock.instant()).toMillis() / 1000.0);
    }
}
