package dev.crmsync.testkit.hubspot;

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
        return node == null ? null : text(node.get(field));
    }

    static String text(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode() || !node.isValueNode()) {
            return null;
        }
        return node.asString();
    }
}
