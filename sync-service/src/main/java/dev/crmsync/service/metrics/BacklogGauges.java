package dev.crmsync.service.metrics;

import dev.crmsync.service.wiring.ConnectedSystems;
import dev.crmsync.service.wiring.TargetRateBudget;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Gauges read from the database: processing lag (age of the oldest waiting inbound event and of the
 * oldest pending command per target), dead-letter depth, and each vendor's remaining budget. Each
 * query result is reused for a few seconds, so frequent scrapes (and the dashboard, which reads the
 * same values) cost the database little.
 */
public final class BacklogGauges {
    private static final Duration FRESH_FOR = Duration.ofSeconds(5);

    private final JdbcTemplate jdbc;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    private record Cached(double value, long at) {
    }

    public BacklogGauges(JdbcTemplate jdbc, MeterRegistry registry, ConnectedSystems systems) {
        this.jdbc = jdbc;
        Gauge.builder("sync.inbound.lag.seconds", this::inboundLagSeconds)
                .description("Age of the oldest stored event not yet planned").register(registry);
        Gauge.builder("sync.inbound.backlog", this::inboundBacklog)
                .description("Stored events not yet planned").register(registry);
        Gauge.builder("sync.inbound.failing", this::inboundFailing)
                .description("Stored events that failed to process at least once and wait for another try")
                .register(registry);
        Gauge.builder("sync.dead_letters", this::deadLetters)
                .description("Dead letters waiting for an operator").register(registry);
        for (var target : systems.targets()) {
            String id = target.value();
            Gauge.builder("sync.outbox.lag.seconds", () -> outboxLagSeconds(id))
                    .tag("target", id).description("Age of the oldest command not yet sent").register(registry);
            systems.budget(id).ifPresent(budget -> budgetGauges(registry, id, budget));
        }
    }

    /** Age in seconds of the oldest stored event not yet planned (ids follow arrival); 0 when none waits. */
    public double inboundLagSeconds() {
        return cached("inbound", () -> number("select (select extract(epoch from now() - e.received_at) "
                + "from inbound_event e where e.id = (select min(event_id) from inbound_queue))"));
    }

    public double inboundBacklog() {
        return cached("inbound-count", () -> number("select count(*) from inbound_queue"));
    }

    /** Events waiting after at least one failed try (an adapter or mapping error); never dropped. */
    public double inboundFailing() {
        return cached("inbound-failing", () -> number("select count(*) from inbound_queue where attempts > 0"));
    }

    /** Dead letters not yet replayed. */
    public double deadLetters() {
        return cached("dead", () -> number("select count(*) from dead_letter where replayed_at is null"));
    }

    /** Age in seconds of the target's oldest pending command; 0 when none is pending. */
    public double outboxLagSeconds(String target) {
        return cached("outbox-" + target, () -> number("select extract(epoch from now() - min(created_at)) "
                + "from outbound_command where target = ? and status = 'pending'", target));
    }

    private static void budgetGauges(MeterRegistry registry, String target, TargetRateBudget budget) {
        Gauge.builder("sync.ratelimit.vendor.remaining", budget::vendorRemaining).tag("target", target)
                .description("What the vendor last said is left of its budget (-1: unknown)").register(registry);
        Gauge.builder("sync.ratelimit.vendor.max", budget::vendorMax).tag("target", target)
                .description("The vendor's budget per window, as it last said (-1: unknown)").register(registry);
        Gauge.builder("sync.ratelimit.available", budget::availablePermissions).tag("target", target)
                .description("Requests our own token bucket still allows in this period").register(registry);
        Gauge.builder("sync.ratelimit.limit", budget::limitForPeriod).tag("target", target)
                .description("Requests our own token bucket allows per period").register(registry);
    }

    private double cached(String key, Supplier<Double> query) {
        long now = System.nanoTime();
        Cached hit = cache.get(key);
        if (hit != null && now - hit.at() < FRESH_FOR.toNanos()) {
            return hit.value();
        }
        double value;
        try {
            value = query.get();
        } catch (RuntimeException databaseDown) {
            value = hit == null ? Double.NaN : hit.value();
        }
        cache.put(key, new Cached(value, now));
        return value;
    }

    private double number(String sql, Object... args) {
        Double value = jdbc.queryForObject(sql, Double.class, args);
        return value == null ? 0 : value;
    }
}
