package dev.crmsync.service.worker;

import dev.crmsync.core.spi.ParsedEvent;
import dev.crmsync.core.spi.WebhookSubscriptions;
import dev.crmsync.core.spi.WebhookSubscriptions.PausedSubscription;
import dev.crmsync.service.metrics.SyncMetrics;
import dev.crmsync.service.persistence.InboundEventStore;
import dev.crmsync.service.persistence.StoredEvent;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every {@code sync.watchdog.interval} (5 min by default), resumes the webhook subscriptions a system
 * disabled after failed deliveries, for each system whose adapter offers {@link WebhookSubscriptions}.
 * One instance at a time: a run holds {@code pg_try_advisory_xact_lock} and skips when another has it.
 * Each resumed subscription is logged (ids and counts only), counted in {@code sync.webhooks.resumed},
 * and recorded as a row of {@code webhook_gap}: the window {@code [paused_since, resumed_at)} whose
 * events the system never delivered. Then it fills every open gap of the system (this run's and any
 * earlier one whose {@code reconciled_at} is still null): one {@link WebhookSubscriptions#reconcile}
 * from the earliest open {@code paused_since}, whose events are stored through
 * {@link InboundEventStore} (auth method {@code reconcile}; known dedup keys are skipped) and then
 * translated by the workers like any webhook. Once they are committed (within 30 s), the gaps get
 * {@code reconciled_at}; on any failure they stay open and the next run tries again.
 */
public final class WebhookWatchdog implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(WebhookWatchdog.class);
    /** Advisory lock key pair: "SYNC" and 1, in the two-key space the per-person locks do not use. */
    private static final int LOCK_CLASS = 0x53594e43;
    private static final int LOCK_WATCHDOG = 1;
    private static final String AUTH_METHOD = "reconcile";
    private static final Duration STORE_TIMEOUT = Duration.ofSeconds(30);

    private final Map<String, WebhookSubscriptions> systems;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Duration interval;
    private final SyncMetrics metrics;
    private final InboundEventStore inbound;
    private ScheduledExecutorService scheduler;
    private volatile boolean running;

    public WebhookWatchdog(Map<String, WebhookSubscriptions> systems, JdbcTemplate jdbc, TransactionTemplate tx,
                           Clock clock, Duration interval, SyncMetrics metrics, InboundEventStore inbound) {
        this.systems = Map.copyOf(systems);
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
        this.interval = interval;
        this.metrics = metrics;
        this.inbound = inbound;
    }

    /**
     * One check of every system, under the cluster-wide lock.
     *
     * @return the subscriptions resumed, by system; empty when another instance holds the lock
     */
    public Map<String, List<PausedSubscription>> runOnce() {
        Map<String, List<PausedSubscription>> resumed = new java.util.TreeMap<>();
        tx.executeWithoutResult(status -> {
            Boolean locked = jdbc.queryForObject("select pg_try_advisory_xact_lock(?, ?)", Boolean.class, LOCK_CLASS,
                    LOCK_WATCHDOG);
            if (!Boolean.TRUE.equals(locked)) {
                log.debug("Webhook watchdog: another instance is running it; skipped");
                return;
            }
            Instant now = clock.instant();
            systems.forEach((system, subscriptions) -> {
                try {
                    List<PausedSubscription> done = subscriptions.resumePaused(now, interval);
                    record(system, done);
                    resumed.put(system, done);
                } catch (RuntimeException e) {
                    log.warn("Webhook watchdog: checking {} failed; next try in {}: {}", system, interval, e.toString());
                }
                reconcileOpenGaps(system, subscriptions, now);
            });
        });
        return resumed;
    }

    private void record(String system, List<PausedSubscription> done) {
        if (done.isEmpty()) {
            return;
        }
        for (PausedSubscription p : done) {
            jdbc.update("insert into webhook_gap (system, subscription_id, paused_since, resumed_at) values (?, ?, ?, ?)",
                    system, p.subscriptionId(), Timestamp.from(p.pausedSince()), Timestamp.from(p.resumedAt()));
        }
        metrics.webhooksResumed(system, done.size());
        log.warn("Webhook watchdog: resumed {} disabled {} subscription(s) {}; gap from {} recorded for reconcile",
                done.size(), system, done.stream().map(PausedSubscription::subscriptionId).toList(),
                done.stream().map(PausedSubscription::pausedSince).min(Instant::compareTo).orElseThrow());
    }

    private void reconcileOpenGaps(String system, WebhookSubscriptions subscriptions, Instant now) {
        List<Map<String, Object>> open = jdbc.queryForList("select id, paused_since from webhook_gap "
                + "where system = ? and reconciled_at is null order by paused_since", system);
        if (open.isEmpty()) {
            return;
        }
        Instant since = ((Timestamp) open.get(0).get("paused_since")).toInstant();
        try {
            List<ParsedEvent> events = subscriptions.reconcile(since);
            List<StoredEvent> stored = inbound.store(system, events, AUTH_METHOD, now)
                    .get(STORE_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            long added = stored.stream().filter(e -> !e.duplicate()).count();
            for (Map<String, Object> gap : open) {
                jdbc.update("update webhook_gap set reconciled_at = now() where id = ?", gap.get("id"));
            }
            log.info("Webhook watchdog: reconciled {} {} gap(s): {} event(s) found, {} new", open.size(), system,
                    events.size(), added);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.warn("Webhook watchdog: reconciling {} interrupted; {} gap(s) stay open", system, open.size());
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            log.warn("Webhook watchdog: reconciling {} failed; {} gap(s) stay open, next try in {}: {}", system,
                    open.size(), interval, cause.getClass().getSimpleName());
        }
    }

    @Override
    public void start() {
        running = true;
        if (systems.isEmpty()) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "webhook-watchdog");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                runOnce();
            } catch (RuntimeException e) {
                log.warn("Webhook watchdog run failed; next try in {}: {}", interval, e.toString());
            }
        }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        log.info("Webhook watchdog checks {} every {}", systems.keySet(), interval);
    }

    @Override
    public void stop() {
        running = false;
        if (scheduler != null) {
            scheduler.shutdownNow();
            try {
                scheduler.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            scheduler = null;
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
