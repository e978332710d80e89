package dev.crmsync.adapter.hubspot;

import dev.crmsync.core.port.IdentityLookup;
import dev.crmsync.core.spi.EventTranslator;
import dev.crmsync.core.spi.MalformedEventException;
import dev.crmsync.core.spi.ParsedEvent;
import dev.crmsync.core.spi.Translation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.json.JsonMapper;

/**
 * HubSpot sends a JSON array of events per webhook, up to 100, in no guaranteed order (see
 * {@code docs/hubspot.md}, "Webhooks (inbound)").
 *
 * <p>{@link #parse} stores each element as its own event, sorted by {@code occurredAt} (events
 * without one last): type = {@code subscriptionType} as sent; key = {@link HubSpotDedupKey} (HubSpot's
 * {@code eventId} is not unique); email = only when the event carries it ({@link HubSpotEvent#email});
 * time = {@code occurredAt}; payload = the element's JSON.
 *
 * <p>{@link #translate} turns {@code contact.propertyChange}, {@code contact.creation} and
 * {@code contact.deletion} into a change with {@link HubSpotChangeBuilder} when the email is known,
 * (from the event, or from the host's {@link IdentityLookup} by contact id), and answers
 * {@link Translation.Unrecognized} otherwise: for a contact nobody can name, for deal
 * events ("needs contact resolution": a deal names neither person nor email, see
 * {@link HubSpotDeals}) and for every other type. Thread-safe; its only I/O is the lookup it is given.
 */
public final class HubSpotEventTranslator implements EventTranslator {
    private final JsonMapper mapper = JsonMapper.builder().build();
    private final HubSpotChangeBuilder changes;

    /**
     * @param appId    our HubSpot app id, when known: {@code INTEGRATION} changes with this {@code sourceId} are ours
     * @param clientId the name our writes carry in {@value HubSpotOrigin#MARKER_PROPERTY}
     */
    public HubSpotEventTranslator(Optional<Long> appId, String clientId) {
        this.changes = new HubSpotChangeBuilder(new HubSpotOrigin(Objects.requireNonNull(appId, "appId"), clientId));
    }

    /**
     * @throws MalformedEventException "body is not valid JSON: ...", "body must be a JSON array of HubSpot
     *                                 events, found object", "body is an empty JSON array; ...", or
     *                                 "event [i] of n must be a JSON object ..." / "... has no 'subscriptionType' ..."
     */
    @Override
    public List<ParsedEvent> parse(byte[] body) throws MalformedEventException {
        Objects.requireNonNull(body, "body");
        List<ParsedEvent> events = new ArrayList<>();
        for (HubSpotEvent event : HubSpotEventBatch.read(mapper, body)) {
            events.add(new ParsedEvent(event.subscriptionType().orElseThrow(), HubSpotDedupKey.of(mapper, event),
                    event.email().orElse(null), event.occurredAt().orElse(null), event.bytes(mapper)));
        }
        events.sort(Comparator.comparing(ParsedEvent::occurredAt,
                Comparator.nullsLast(Comparator.<Instant>naturalOrder())));
        return events;
    }

    @Override
    public Translation translate(String eventType, byte[] payload) {
        return translate(eventType, payload, IdentityLookup.NONE);
    }

    /** As {@link #translate(String, byte[])}, asking {@code identities} for the email of a contact named by id only. */
    @Override
    public Translation translate(String eventType, byte[] payload, IdentityLookup identities) {
        if (eventType.equals(ContactSnapshot.TYPE)) {
            return ContactSnapshot.translate(payload);
        }
        HubSpotEvent event;
        try {
            event = HubSpotEvent.read(mapper, payload);
        } catch (MalformedEventException e) {
            return Translation.unrecognized("stored payload is unreadable: " + e.getMessage());
        }
        if (HubSpotEventTypes.isContactEvent(eventType)) {
            return changes.build(eventType, event, identities);
        }
        if (eventType.equals(HubSpotEventTypes.DEAL_PROPERTY_CHANGE)) {
            return changes.buildForDeal(eventType, event, identities);
        }
        return Translation.unrecognized("'" + eventType + "' is not translated: only contact.propertyChange, "
                + "contact.creation, contact.deletion and deal.propertyChange become changes");
    }
}
