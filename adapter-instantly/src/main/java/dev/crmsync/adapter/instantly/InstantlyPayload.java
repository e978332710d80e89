package dev.crmsync.adapter.instantly;

import dev.crmsync.core.model.Identity;
import dev.crmsync.core.spi.MalformedEventException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * One Instantly webhook body, read as a JSON object, with typed access to the fields of Instantly's
 * documented schema. Holds personal data (lead email, reply text): never logged, no {@code toString}.
 */
final class InstantlyPayload {

    /** Delivery bookkeeping, different on each attempt of the same event: never part of what the event means. */
    static final Set<String> RETRY_FIELDS = Set.of("retry_count", "will_retry", "timestamp_next_retry",
            "retry_group_id", "retry_successful");

    // Instantly merges the lead's own data into the payload as extra top-level keys; everything
    // not named here (or a retry field) is treated as such lead data. `reconciled` is ours: it marks
    // the events InstantlyLeadReconcile synthesizes from the lead list.
    private static final Set<String> SCHEMA_FIELDS = Set.of("timestamp", "event_type", "workspace", "campaign_id",
            "campaign_name", "lead_email", "email_account", "unibox_url", "step", "variant", "is_first", "email_id",
            "email_subject", "email_text", "email_html", "reply_text_snippet", "reply_subject", "reply_text",
            "reply_html", "bounce_type", "interest_value", "custom_variables", "reason", "bounce_reason",
            "open_count", "link_url", "error_type", "error_message", "email", "account_email", "reconciled");

    private static final int MAX_PARSER_MESSAGE = 160;

    private final ObjectNode json;

    private InstantlyPayload(ObjectNode json) {
        this.json = json;
    }

    /**
     * @throws MalformedEventException when the bytes are not JSON or not a JSON object
     */
    static InstantlyPayload read(JsonMapper mapper, byte[] body) throws MalformedEventException {
        JsonNode node;
        try {
            node = mapper.readTree(body);
        } catch (JacksonException e) {
            throw new MalformedEventException("body is not valid JSON: " + shortMessage(e));
        }
        if (node == null || node.isMissingNode()) {
            throw new MalformedEventException("body is not valid JSON: the body is empty");
        }
        if (!(node instanceof ObjectNode object)) {
            throw new MalformedEventException("body must be a JSON object, found " + kindOf(node));
        }
        return new InstantlyPayload(object);
    }

    /**
     * The raw {@code event_type}, validated.
     *
     * @throws MalformedEventException when it is missing, not a string, or blank
     */
    String eventType() throws MalformedEventException {
        JsonNode type = json.get("event_type");
        if (type == null) {
            throw new MalformedEventException("missing 'event_type'");
        }
        if (!type.isString() || type.stringValue().isBlank()) {
            throw new MalformedEventException("'event_type' must be a non-empty string");
        }
        return type.stringValue();
    }

    /** A scalar field as text (numbers and booleans as written), absent when missing, null, blank or not a scalar. */
    Optional<String> text(String field) {
        return scalar(json.get(field));
    }

    /** {@code lead_email}, trimmed and lower-cased, or empty when the event names no lead. */
    Optional<String> leadEmail() {
        JsonNode email = json.get("lead_email");
        if (email == null || !email.isString() || email.stringValue().isBlank()) {
            return Optional.empty();
        }
        return Optional.of(Identity.normalise(email.stringValue()));
    }

    /** When the event happened, from {@code timestamp}; empty when absent or unreadable. */
    Optional<Instant> occurredAt() {
        return InstantlyTimestamps.parse(json.get("timestamp"));
    }

    /** {@code bounce_type} as Instantly sends it ({@code hard} or {@code soft}), lower-cased. */
    Optional<String> bounceType() {
        return text("bounce_type").map(s -> s.strip().toLowerCase(Locale.ROOT));
    }

    /** Each entry of {@code custom_variables} with a scalar value, by its name. */
    Map<String, String> customVariables() {
        Map<String, String> values = new LinkedHashMap<>();
        JsonNode variables = json.get("custom_variables");
        if (variables instanceof ObjectNode object) {
            object.properties().forEach(e -> scalar(e.getValue()).ifPresent(v -> values.put(e.getKey(), v)));
        }
        return values;
    }

    /** The lead's own data that Instantly merged into the payload as extra top-level keys (scalars only). */
    Map<String, String> leadData() {
        Map<String, String> values = new LinkedHashMap<>();
        json.properties().forEach(e -> {
            if (!SCHEMA_FIELDS.contains(e.getKey()) && !RETRY_FIELDS.contains(e.getKey())) {
                scalar(e.getValue()).ifPresent(v -> values.put(e.getKey(), v));
            }
        });
        return values;
    }

    /** The body re-written without the retry fields: equal for every delivery of one event. */
    String withoutRetryFields(JsonMapper mapper) {
        ObjectNode copy = json.deepCopy();
        copy.remove(RETRY_FIELDS);
        return mapper.writeValueAsString(copy);
    }

    private static Optional<String> scalar(JsonNode node) {
        if (node == null || node.isNull() || !node.isValueNode()) {
            return Optional.empty();
        }
        String value = node.asString();
        return value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    private static String kindOf(JsonNode node) {
        return node.getNodeType().name().toLowerCase(Locale.ROOT);
    }

    // The parser's own words and where it stopped; cut short because it may quote part of the body.
    private static String shortMessage(JacksonException e) {
        String message = e.getOriginalMessage() == null ? "unreadable" : e.getOriginalMessage();
        for (String noise : List.of("\n", " (start marker at", " (bound as")) {
            int at = message.indexOf(noise);
            if (at >= 0) {
                message = message.substring(0, at);
            }
        }
        if (message.length() > MAX_PARSER_MESSAGE) {
            message = message.substring(0, MAX_PARSER_MESSAGE) + "...";
        }
        TokenStreamLocation at = e.getLocation();
        if (at != null && at.getLineNr() > 0) {
            message += " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
        }
        return message;
    }
}
