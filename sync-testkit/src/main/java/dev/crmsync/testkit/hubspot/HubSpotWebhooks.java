package dev.crmsync.testkit.hubspot;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletionException;
import java.util.function.UnaryOperator;
import tools.jackson.databind.node.ObjectNode;

/**
 * The simulated app's webhook subscription: turns changes into batches of at most 100 events, in
 * shuffled order (HubSpot promises none), and hands them to the {@link WebhookDispatcher}. Rep edits
 * wait for their delivery; API writes are delivered after the API has answered, as HubSpot does.
 * Does nothing until {@link #configure} is called. Thread-safe.
 */
final class HubSpotWebhooks implements AutoCloseable {
    static final int MAX_EVENTS_PER_REQUEST = 100;
    private static final Duration SEND_WAIT = Duration.ofSeconds(60);

    private final WebhookEvents events = new WebhookEvents();
    private final WebhookDispatcher dispatcher;
    // Seeded, so a run's event order can be reproduced while still differing from the order of the write.
    private final Random order = new Random(20_170_817);
    private volatile WebhookSettings settings;

    HubSpotWebhooks(Clock clock) {
        this.dispatcher = new WebhookDispatcher(clock);
    }

    void configure(URI target, String clientSecret, long appId, long portalId) {
        settings = WebhookSettings.of(target, clientSecret, appId, portalId);
    }

    Optional<WebhookSettings> settings() {
        return Optional.ofNullable(settings);
    }

    /** @throws IllegalStateException when webhooks were never configured */
    void update(UnaryOperator<WebhookSettings> change) {
        WebhookSettings current = settings;
        if (current == null) {
            throw new IllegalStateException("configure webhooks first: configureWebhooks(target, clientSecret, appId)");
        }
        settings = change.apply(current);
    }

    /** Sends the webhooks of a rep's contact edit and waits for them; empty when not configured or nothing changed. */
    List<WebhookDelivery> repEdited(CrmStore.Upserted edit, ChangeSource source) {
        WebhookSettings current = settings;
        return current == null ? List.of() : sendAndWait(current, events.contactWritten(current, edit, source));
    }

    List<WebhookDelivery> repEdited(DealStore.Edited edit, ChangeSource source) {
        WebhookSettings current = settings;
        return current == null ? List.of() : sendAndWait(current, events.dealEdited(current, edit, source));
    }

    /** Sends the {@code contact.deletion} of a contact a rep deleted and waits for it; empty when not configured. */
    List<WebhookDelivery> repDeleted(CrmRecord contact, Instant at, ChangeSource source) {
        WebhookSettings current = settings;
        return current == null ? List.of() : sendAndWait(current, List.of(events.contactDeleted(current, contact, at,
                source)));
    }

    /** Queues the webhooks of contacts our app wrote through the API, when enabled; returns at once. */
    void apiWrote(List<CrmStore.Upserted> writes) {
        WebhookSettings current = settings;
        if (current == null || !current.forApiWrites()) {
            return;
        }
        List<ObjectNode> all = new ArrayList<>();
        ChangeSource app = ChangeSource.integration(current.appId());
        writes.forEach(write -> all.addAll(events.contactWritten(current, write, app)));
        batches(all).forEach(batch -> dispatcher.submit(current, batch));
    }

    List<WebhookDelivery> deliveries() {
        return dispatcher.deliveries();
    }

    void awaitIdle(Duration timeout) {
        dispatcher.awaitIdle(timeout);
    }

    void reset() {
        settings = null;
        try {
            dispatcher.awaitIdle(SEND_WAIT);
        } catch (IllegalStateException e) {
            // A receiver that hangs must not hang the reset; its late attempts are cleared below.
        }
        dispatcher.clear();
    }

    private List<WebhookDelivery> sendAndWait(WebhookSettings current, List<ObjectNode> all) {
        List<WebhookDelivery> attempts = new ArrayList<>();
        try {
            for (List<ObjectNode> batch : batches(all)) {
                attempts.addAll(dispatcher.submit(current, batch).join());
            }
        } catch (CompletionException e) {
            throw new IllegalStateException("webhook delivery failed: " + e.getCause(), e.getCause());
        }
        return attempts;
    }

    private List<List<ObjectNode>> batches(List<ObjectNode> all) {
        List<ObjectNode> shuffled = new ArrayList<>(all);
        synchronized (order) {
            Collections.shuffle(shuffled, order);
        }
        List<List<ObjectNode>> batches = new ArrayList<>();
        for (int from = 0; from < shuffled.size(); from += MAX_EVENTS_PER_REQUEST) {
            batches.add(List.copyOf(shuffled.subList(from, Math.min(shuffled.size(), from + MAX_EVENTS_PER_REQUEST))));
        }
        return batches;
    }

    @Override
    public void close() {
        dispatcher.close();
    }
}
