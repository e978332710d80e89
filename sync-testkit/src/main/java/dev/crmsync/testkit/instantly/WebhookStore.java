package dev.crmsync.testkit.instantly;

import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/** The workspace's webhook subscriptions, ordered by id. Thread-safe: every method holds the store's lock. */
final class WebhookStore {
    private final NavigableMap<String, SimulatedWebhook> webhooks = new TreeMap<>();
    private final SimIds ids = new SimIds(4);

    String nextId() {
        return ids.next();
    }

    synchronized void put(SimulatedWebhook webhook) {
        webhooks.put(webhook.id(), webhook);
    }

    synchronized Optional<SimulatedWebhook> get(String id) {
        return Optional.ofNullable(webhooks.get(id));
    }

    synchronized List<SimulatedWebhook> all() {
        return List.copyOf(webhooks.values());
    }

    synchronized Optional<SimulatedWebhook> update(String id, UnaryOperator<SimulatedWebhook> change) {
        SimulatedWebhook current = webhooks.get(id);
        if (current == null) {
            return Optional.empty();
        }
        SimulatedWebhook next = change.apply(current);
        webhooks.put(id, next);
        return Optional.of(next);
    }

    synchronized Optional<SimulatedWebhook> delete(String id) {
        return Optional.ofNullable(webhooks.remove(id));
    }

    synchronized void clear() {
        webhooks.clear();
    }
}
