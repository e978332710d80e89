package dev.crmsync.core.spi;

import java.time.Instant;
import java.util.Objects;

/**
 * What ingress needs to store one event durably, before any rule runs.
 *
 * @param eventType  the source's event type; unknown types are stored too
 * @param dedupKey   unique per real event, identical for every delivery of it (retries,
 *                   duplicates); the store rejects a second row with the same key
 * @param email      the person's email as sent (normalised by the host), or null when the event names no person
 * @param occurredAt when the event happened at the source, or null if the payload does not say
 * @param payload    the raw JSON of this one event, stored as is
 */
public record ParsedEvent(String eventType, String dedupKey, String email, Instant occurredAt, byte[] payload) {
    public ParsedEvent {
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(dedupKey, "dedupKey");
        Objects.requireNonNull(payload, "payload");
    }

    @Override
    public String toString() {
        return "ParsedEvent[eventType=" + eventType + ", dedupKey=" + dedupKey + "]";
    }
}
