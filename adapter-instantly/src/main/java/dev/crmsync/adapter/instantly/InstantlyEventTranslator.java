package dev.crmsync.adapter.instantly;

import dev.crmsync.core.spi.EventTranslator;
import dev.crmsync.core.spi.MalformedEventException;
import dev.crmsync.core.spi.ParsedEvent;
import dev.crmsync.core.spi.Translation;
import java.util.List;
import java.util.Objects;
import tools.jackson.databind.json.JsonMapper;

/**
 * Instantly sends one event per webhook, a flat JSON object with {@code event_type}, {@code timestamp},
 * {@code lead_email}, campaign and step fields (see {@code docs/instantly.md}).
 *
 * <p>{@link #parse} stores the event under its normalised type ({@code link_clicked} becomes
 * {@code email_link_clicked}, {@code sequence_completed} becomes {@code campaign_completed}; custom
 * labels stay as sent) and a key derived by {@link InstantlyDedupKey}, the same for every delivery
 * attempt. {@link #translate} builds the canonical change with {@link InstantlyChangeBuilder}.
 * Pure, thread-safe, no I/O.
 */
public final class InstantlyEventTranslator implements EventTranslator {
    private final JsonMapper mapper = JsonMapper.builder().build();

    /**
     * @throws MalformedEventException "body is not valid JSON: ...", "body must be a JSON object, found ...",
     *                                 "missing 'event_type'" or "'event_type' must be a non-empty string"
     */
    @Override
    public List<ParsedEvent> parse(byte[] body) throws MalformedEventException {
        Objects.requireNonNull(body, "body");
        InstantlyPayload payload = InstantlyPayload.read(mapper, body);
        String type = InstantlyEventTypes.normalise(payload.eventType());
        return List.of(new ParsedEvent(type, InstantlyDedupKey.of(mapper, type, payload),
                payload.leadEmail().orElse(null), payload.occurredAt().orElse(null), body.clone()));
    }

    /**
     * One change for every event that names a lead, known type or custom label alike; an empty
     * translation for account-level events without a lead ({@code account_error},
     * {@code campaign_completed}); {@link Translation.Unrecognized} when a lead event lacks its lead, or
     * when a status-like event lacks a usable {@code timestamp} (see {@link InstantlyChangeBuilder}).
     * A {@code lead.snapshot} (a backfilled lead, see {@link InstantlyRecordSource}) translates as the
     * status event its payload names.
     */
    @Override
    public Translation translate(String eventType, byte[] payload) {
        InstantlyPayload event;
        try {
            event = InstantlyPayload.read(mapper, payload);
        } catch (MalformedEventException e) {
            return Translation.unrecognized("stored payload is unreadable: " + e.getMessage());
        }
        String type;
        try {
            // A backfilled lead carries the status event it stands for: translate it as that event.
            type = InstantlyEventTypes.normalise(InstantlyRecordSource.SNAPSHOT.equals(eventType)
                    ? event.eventType() : eventType);
        } catch (MalformedEventException e) {
            return Translation.unrecognized("stored snapshot names no status event: " + e.getMessage());
        }
        return new InstantlyChangeBuilder(type, event, InstantlyDedupKey.hash(mapper, type, event)).build();
    }
}
