package dev.crmsync.core.model;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * Something that happened to a person and becomes a record of its own in a target, such as a
 * note carrying a reply's text or a task for a booked meeting.
 *
 * @param kind       what the target should create: {@code note} or {@code task}
 * @param key        idempotency key, stable across retries and replays of the same fact
 *                   (for a reply: derived from the reply's email id); the same key never makes
 *                   two records in a target
 * @param subject    a short title, free of personal data where possible
 * @param body       the text (may hold reply text: personal data, never logged)
 * @param occurredAt when it happened at the source
 * @param attributes extra source facts (campaign, step, links)
 */
public record Activity(String kind, String key, String subject, String body, Instant occurredAt,
                       Map<String, String> attributes) {

    public Activity {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(occurredAt, "occurredAt");
        subject = subject == null ? "" : subject;
        body = body == null ? "" : body;
        attributes = Map.copyOf(attributes);
    }

    @Override
    public String toString() {
        return "Activity[kind=" + kind + ", key=" + key + ", occurredAt=" + occurredAt + "]";
    }
}
