package dev.crmsync.adapter.hubspot;

import dev.crmsync.core.spi.MalformedEventException;
import java.time.Instant;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * One event of a HubSpot webhook batch: {@code eventId}, {@code subscriptionId}, {@code portalId},
 * {@code appId}, {@code occurredAt} (epoch ms), {@code subscriptionType}, {@code attemptNumber},
 * {@code objectId}, and for property changes {@code propertyName}, {@code propertyValue},
 * {@code changeSource}, {@code sourceId}. Every field but the type is read as optional. A property
 * value may be personal data: never logged, no {@code toString}.
 */
final class HubSpotEvent {
    static final String SUBSCRIPTION_TYPE = "subscriptionType";

    private final ObjectNode json;

    HubSpotEvent(ObjectNode json) {
        this.json = json;
    }

    /** One stored event. @throws MalformedEventException when it is not a JSON object with a subscription type */
    static HubSpotEvent read(JsonMapper mapper, byte[] payload) throws MalformedEventException {
        JsonNode node;
        try {
            node = mapper.readTree(payload);
        } catch (JacksonException e) {
            throw new MalformedEventException("not valid JSON: " + HubSpotEventBatch.shortMessage(e));
        }
        if (!(node instanceof ObjectNode object)) {
            throw new MalformedEventException("expected a JSON object, found "
                    + (node == null ? "nothing" : HubSpotEventBatch.kindOf(node)));
        }
        HubSpotEvent event = new HubSpotEvent(object);
        if (event.subscriptionType().isEmpty()) {
            throw new MalformedEventException("missing '" + SUBSCRIPTION_TYPE + "'");
        }
        return event;
    }

    /** The subscription type as sent, e.g. {@code contact.propertyChange}; empty when missing or not a non-blank string. */
    Optional<String> subscriptionType() {
        JsonNode type = json.get(SUBSCRIPTION_TYPE);
        return type != null && type.isString() && !type.stringValue().isBlank()
                ? Optional.of(type.stringValue().strip()) : Optional.empty();
    }

    /** A scalar field as text (numbers as written), empty when missing, null, blank or not a scalar. */
    Optional<String> text(String field) {
        JsonNode value = json.get(field);
        if (value == null || value.isNull() || !value.isValueNode()) {
            return Optional.empty();
        }
        String text = value.asString();
        return text.isBlank() ? Optional.empty() : Optional.of(text.strip());
    }

    Optional<String> objectId() {
        return text("objectId");
    }

    Optional<String> propertyName() {
        return text("propertyName");
    }

    /** The new value as sent, {@code ""} when HubSpot reports the property cleared; empty when there is none. */
    Optional<String> propertyValue() {
        JsonNode value = json.get("propertyValue");
        if (value == null || !value.isValueNode()) {
            return Optional.empty();
        }
        return Optional.of(value.isNull() ? "" : value.asString());
    }

    /** When the change happened, from {@code occurredAt} in epoch milliseconds; empty when missing or unreadable. */
    Optional<Instant> occurredAt() {
        JsonNode value = json.get("occurredAt");
        if (value == null) {
            return Optional.empty();
        }
        if (value.isIntegralNumber() && value.canConvertToLong() && value.longValue() >= 0) {
            return Optional.of(Instant.ofEpochMilli(value.longValue()));
        }
        if (value.isString() && !value.stringValue().isBlank() && value.stringValue().length() <= 18
                && value.stringValue().chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.of(Instant.ofEpochMilli(Long.parseLong(value.stringValue())));
        }
        return Optional.empty();
    }

    /**
     * The contact's email when this event carries it: an {@code email} field, or a change of the
     * {@code email} property itself. HubSpot names contacts by {@code objectId} only, so most events have none.
     */
    Optional<String> email() {
        if (!subscriptionType().map(type -> type.startsWith("contact.")).orElse(false)) {
            return Optional.empty();
        }
        Optional<String> email = text("email");
        if (email.isPresent()) {
            return email;
        }
        return propertyName().filter(name -> name.equalsIgnoreCase("email"))
                .flatMap(name -> propertyValue()).map(String::strip).filter(value -> !value.isEmpty());
    }

    ObjectNode json() {
        return json;
    }

    byte[] bytes(JsonMapper mapper) {
        return mapper.writeValueAsBytes(json);
    }
}
