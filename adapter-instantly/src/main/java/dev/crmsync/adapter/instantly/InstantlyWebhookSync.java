package dev.crmsync.adapter.instantly;

import dev.crmsync.core.config.Secret;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes Instantly's webhook subscriptions deliver the chosen events to our endpoint with our secret
 * header: one workspace-wide subscription per event type, named {@code crm-sync <event type>}.
 * Missing ones are created, drifted ones (other headers or name) updated; every other subscription
 * (another target, a campaign filter, an event type not asked for, a duplicate) is left alone and
 * reported. Idempotent: a second run with the same input lists the subscriptions and changes nothing.
 * Disabled subscriptions are not resumed here; that is {@link InstantlyWebhookWatchdog}'s job.
 */
public final class InstantlyWebhookSync {
    private static final Logger log = LoggerFactory.getLogger(InstantlyWebhookSync.class);

    /** The header Instantly sends the shared secret in; {@code InstantlyWebhookVerifier} checks it. */
    public static final String SECRET_HEADER = "X-Webhook-Secret";
    static final String NAME_PREFIX = "crm-sync ";

    private final InstantlyClient client;

    public InstantlyWebhookSync(InstantlyClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    /**
     * @param endpoint   our public webhook URL, e.g. {@code https://sync.example.com/webhooks/instantly}
     * @param eventTypes Instantly event types to subscribe to ({@code all_events} for all), at least one
     * @param secret     the value Instantly should send in {@value #SECRET_HEADER} ({@code INSTANTLY_WEBHOOK_SECRET})
     * @return what changed, by subscription id
     * @throws dev.crmsync.core.spi.AdapterException classified, when a call fails; a rerun continues
     *                                               from whatever was done
     */
    public WebhookSyncReport sync(URI endpoint, Collection<String> eventTypes, Secret secret) {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(secret, "secret");
        Set<String> wanted = new LinkedHashSet<>();
        for (String type : eventTypes) {
            if (type == null || type.isBlank()) {
                throw new IllegalArgumentException("event types must not be blank");
            }
            wanted.add(type.trim());
        }
        if (wanted.isEmpty()) {
            throw new IllegalArgumentException("expected at least one event type to subscribe to, found none");
        }
        List<InstantlyWebhook> remaining = new ArrayList<>(client.allWebhooks());
        List<String> created = new ArrayList<>();
        List<String> updated = new ArrayList<>();
        List<String> unchanged = new ArrayList<>();
        for (String type : wanted) {
            InstantlyWebhookSpec spec = new InstantlyWebhookSpec(endpoint.toString(), type, NAME_PREFIX + type,
                    Map.of(SECRET_HEADER, secret));
            InstantlyWebhook match = remaining.stream().filter(spec::isMetBy).filter(w -> w.campaignId() == null)
                    .findFirst().orElse(null);
            if (match != null) {
                unchanged.add(match.id());
                remaining.remove(match);
                continue;
            }
            InstantlyWebhook drifted = remaining.stream().filter(w -> isOurs(w, endpoint, type)).findFirst().orElse(null);
            if (drifted != null) {
                updated.add(client.updateWebhook(drifted.id(), spec).id());
                remaining.remove(drifted);
            } else {
                created.add(client.createWebhook(spec).id());
            }
        }
        List<String> leftAlone = remaining.stream().map(InstantlyWebhook::id).toList();
        WebhookSyncReport report = new WebhookSyncReport(created, updated, unchanged, leftAlone);
        log.info("Instantly webhook sync: {} created, {} updated, {} unchanged, {} left alone", created.size(),
                updated.size(), unchanged.size(), leftAlone.size());
        return report;
    }

    private static boolean isOurs(InstantlyWebhook webhook, URI endpoint, String type) {
        return endpoint.toString().equals(webhook.targetHookUrl()) && type.equals(webhook.eventType())
                && webhook.campaignId() == null;
    }
}
