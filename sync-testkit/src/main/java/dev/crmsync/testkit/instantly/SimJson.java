package dev.crmsync.testkit.instantly;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The one JSON mapper of the simulator, and null-tolerant readers for request bodies. */
final class SimJson {
    static final JsonMapper MAPPER = JsonMapper.builder().build();

    private SimJson() {
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** The scalar at {@code field} as text, or null when it is missing, null or not a scalar. */
    static String text(JsonNode node, String field) {
        if (node == null) {
            return null;
        }
        JsonNode value = node.get(field);
        return value == null || value.isNull() || !value.isValueNode() ? null : value.asString();
    }

    /** Instantly's timestamp form: ISO-8601 UTC with milliseconds, e.g. {@code 2026-03-05T23:09:42.527Z}. */
    static String time(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MILLIS).toString();
    }
}
