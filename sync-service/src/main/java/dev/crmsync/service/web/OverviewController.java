package dev.crmsync.service.web;

import dev.crmsync.core.model.SystemId;
import dev.crmsync.service.metrics.BacklogGauges;
import dev.crmsync.service.persistence.RecentActivity;
import dev.crmsync.service.wiring.ConnectedSystems;
import dev.crmsync.service.wiring.TargetRateBudget;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /admin/overview?minutes=15} (1 to 180): what the dashboard polls. Events received per
 * source and minute, outbound attempts per target by answer in the window, processing lag, open
 * dead letters and each target's rate budget. Counts come from the database, so they cover every
 * instance; budgets are this instance's.
 */
@RestController
class OverviewController {
    private final RecentActivity activity;
    private final BacklogGauges backlog;
    private final ConnectedSystems systems;
    private final Clock clock;

    OverviewController(JdbcTemplate jdbc, BacklogGauges backlog, ConnectedSystems systems, Clock clock) {
        this.activity = new RecentActivity(jdbc);
        this.backlog = backlog;
        this.systems = systems;
        this.clock = clock;
    }

    @GetMapping("/admin/overview")
    Map<String, Object> overview(@RequestParam(name = "minutes", defaultValue = "15") int minutes) {
        int window = Math.min(Math.max(minutes, 1), 180);
        Instant now = clock.instant();
        RecentActivity.PerMinute received = activity.receivedPerMinute(now, window);
        Map<String, Object> overview = new LinkedHashMap<>();
        overview.put("at", now.toString());
        overview.put("windowMinutes", window);
        overview.put("minutes", received.minutes().stream().map(Instant::toString).toList());
        overview.put("ingest", received.perSource());
        overview.put("answers", RecentActivity.ANSWERS);
        overview.put("calls", activity.attemptsByAnswer(now.minus(Duration.ofMinutes(window))));
        overview.put("lag", lag());
        overview.put("deadLetters", (long) backlog.deadLetters());
        overview.put("budgets", budgets(now));
        return overview;
    }

    private Map<String, Object> lag() {
        Map<String, Object> outbox = new LinkedHashMap<>();
        for (SystemId target : systems.targets()) {
            outbox.put(target.value(), backlog.outboxLagSeconds(target.value()));
        }
        Map<String, Object> lag = new LinkedHashMap<>();
        lag.put("inboundSeconds", backlog.inboundLagSeconds());
        lag.put("inboundBacklog", (long) backlog.inboundBacklog());
        lag.put("inboundFailing", (long) backlog.inboundFailing());
        lag.put("outboxSeconds", outbox);
        return lag;
    }

    private Map<String, Object> budgets(Instant now) {
        Map<String, Object> budgets = new LinkedHashMap<>();
        for (SystemId target : systems.targets()) {
            systems.budget(target.value()).ifPresent(b -> budgets.put(target.value(), budget(b, now)));
        }
        return budgets;
    }

    private static Map<String, Object> budget(TargetRateBudget budget, Instant now) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("available", Math.max(0, budget.availablePermissions()));
        view.put("limit", budget.limitForPeriod());
        view.put("vendorRemaining", budget.vendorRemaining());
        view.put("vendorMax", budget.vendorMax());
        view.put("pausedUntil", budget.pausedUntil().isAfter(now) ? budget.pausedUntil().toString() : null);
        return view;
    }
}
