package dev.crmsync.adapter.instantly;

import dev.crmsync.core.config.Secret;
import dev.crmsync.core.spi.ParsedEvent;
import dev.crmsync.core.spi.WebhookSubscriptions;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Instantly's {@link WebhookSubscriptions}: {@link InstantlyWebhookSync} for {@link #sync}, and
 * {@link InstantlyWebhookWatchdog}'s plan carried out with {@link InstantlyClient#resumeWebhook} for
 * {@link #resumePaused}, {@link InstantlyLeadReconcile} for {@link #reconcile}. Needs the API key, so the adapter offers it only when one is set.
 */
final class InstantlyWebhookSubscriptions implements WebhookSubscriptions {
    private final InstantlyClient client;
    private final InstantlyWebhookSync sync;
    private final InstantlyLeadReconcile reconcile;

    InstantlyWebhookSubscriptions(InstantlyClient client) {
        this.client = Objects.requireNonNull(client, "client");
        this.sync = new InstantlyWebhookSync(client);
        this.reconcile = new InstantlyLeadReconcile(client);
    }

    @Override
    public SyncReport sync(URI endpoint, List<String> eventTypes, Secret secret) {
        WebhookSyncReport report = sync.sync(endpoint, eventTypes, secret);
        return new SyncReport(report.created(), report.updated(), report.unchanged(), report.leftAlone());
    }

    @Override
    public List<PausedSubscription> resumePaused(Instant now, Duration lookback) {
        WatchdogPlan plan = new InstantlyWebhookWatchdog(lookback).plan(client.allWebhooks(), now);
        List<PausedSubscription> resumed = new ArrayList<>(plan.toResume().size());
        for (WatchdogPlan.Resumption r : plan.toResume()) {
            client.resumeWebhook(r.webhookId());
            resumed.add(new PausedSubscription(r.webhookId(), r.eventType(), r.pausedSince(), now));
        }
        return resumed;
    }

    @Override
    public List<ParsedEvent> reconcile(Instant since) {
        return reconcile.since(since);
    }
}
