package dev.crmsync.adapter.hubspot;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The adapter's JSON mapper and null-tolerant readers: HubSpot documents every error field as optional. */
final class HubSpotJson {
    static final JsonMapper MAPPER = JsonMapper.builder().build();

    private HubSpotJson() {
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** The scalar at {@code field} as text, or null when missing, null or not a scalar. */
    static String text(JsonNode node, String field) {
        if (node == null) {
            return null;
        }
        JsonNode value = node.get(field);
        return value == null || value.isNull() || !value.isValueNode() ? null : value.asString();
    }

    /** The first element of the array at {@code node.field}, as text, or null. */
    static String firstText(JsonNode node, String field) {
        JsonNode array = node == null ? null : node.get(field);
        if (array == null || !array.isArray() || array.isEmpty() || !array.get(0).isValueNode()) {
            return null;
        }
        return array.get(0).asString();
    }
}
