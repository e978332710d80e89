package dev.crmsync.adapter.hubspot;

import dev.crmsync.core.model.CanonicalChange;
import dev.crmsync.core.model.Identity;
import dev.crmsync.core.spi.ParsedEvent;
import dev.crmsync.core.spi.Translation;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A contact as read for a backfill, stored as event type {@value #TYPE}: payload
 * {@code {"subscriptionType":"contact.snapshot","objectId":..,"email":..,"occurredAt":<lastmodifieddate ms>,
 * "properties":{..}}}, key {@code hubspot:snapshot:<id>:<lastmodifieddate ms>} (reading the same unchanged
 * contact again is a duplicate). It translates into the change a rep's edits of those properties give: from
 * {@code hubspot}, the email and the HubSpot id, type {@code contact.propertyChange}, observed at
 * {@code lastmodifieddate}, origin {@code rep} (our own earlier writes are caught by the echo guard on their
 * values), fields = the properties that have a value.
 */
final class ContactSnapshot {
    static final String TYPE = "contact.snapshot";
    private static final Set<String> BOOKKEEPING = Set.of("email", "lastmodifieddate", "hs_object_id", "createdate");

    private ContactSnapshot() {
    }

    /** The snapshot event of one search result; empty when it has no id or no usable {@code lastmodifieddate}. */
    static Optional<ParsedEvent> of(JsonNode contact, Set<String> reads) {
        String id = HubSpotJson.text(contact, "id");
        JsonNode properties = contact.path("properties");
        Optional<Instant> modified = instant(HubSpotJson.text(properties, "lastmodifieddate"));
        if (id == null || modified.isEmpty()) {
            return Optional.empty();
        }
        String email = HubSpotJson.text(properties, "email");
        ObjectNode payload = HubSpotJson.object();
        payload.put(HubSpotEvent.SUBSCRIPTION_TYPE, TYPE);
        payload.put("objectId", id);
        payload.put("occurredAt", modified.get().toEpochMilli());
        if (email != null) {
            payload.put("email", email);
        }
        ObjectNode shown = payload.putObject("properties");
        for (String name : reads) {
            String value = HubSpotJson.text(properties, name);
            if (value != null && !BOOKKEEPING.contains(name)) {
                shown.put(name, value);
            }
        }
        return Optional.of(new ParsedEvent(TYPE, "hubspot:snapshot:" + id + ":" + modified.get().toEpochMilli(),
                email, modified.get(), HubSpotJson.MAPPER.writeValueAsBytes(payload)));
    }

    static Translation translate(byte[] payload) {
        JsonNode event;
        try {
            event = HubSpotJson.MAPPER.readTree(new String(payload, StandardCharsets.UTF_8));
        } catch (JacksonException e) {
            return Translation.unrecognized("stored contact snapshot is unreadable: not valid JSON");
        }
        String id = HubSpotJson.text(event, "objectId");
        String email = HubSpotJson.text(event, "email");
        JsonNode occurredAt = event.path("occurredAt");
        if (id == null || email == null || email.isBlank() || !occurredAt.canConvertToLong()) {
            return Translation.unrecognized("contact snapshot " + (id == null ? "without 'objectId'" : id)
                    + " has no email or no 'occurredAt'; a change needs both");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        event.path("properties").properties().forEach(e -> {
            if (e.getValue().isValueNode() && !e.getValue().isNull()) {
                fields.put(e.getKey(), e.getValue().asString());
            }
        });
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("subscriptionType", HubSpotEventTypes.CONTACT_PROPERTY_CHANGE);
        attributes.put("objectId", id);
        attributes.put("changeSource", "SNAPSHOT");
        attributes.put("origin", HubSpotOrigin.REP);
        CanonicalChange change = CanonicalChange.of(HubSpotChangeBuilder.SOURCE,
                        Identity.ofEmail(email.strip()).withId(HubSpotChangeBuilder.SOURCE, id),
                        HubSpotEventTypes.CONTACT_PROPERTY_CHANGE, Instant.ofEpochMilli(occurredAt.asLong()))
                .withAttributes(attributes).withFields(fields);
        return Translation.of(java.util.List.of(change));
    }

    private static Optional<Instant> instant(String value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(value.chars().allMatch(Character::isDigit) ? Instant.ofEpochMilli(Long.parseLong(value))
                    : Instant.parse(value));
        } catch (DateTimeParseException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
