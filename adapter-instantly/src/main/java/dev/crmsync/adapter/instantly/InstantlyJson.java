package dev.crmsync.adapter.instantly;

import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The API client's JSON mapper and null-tolerant readers: Instantly marks most fields nullable. */
final class InstantlyJson {
    static final JsonMapper MAPPER = JsonMapper.builder().build();

    private InstantlyJson() {
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

    /** The whole number at {@code field}, or null when missing, null or not a whole number. */
    static Integer integer(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value != null && value.isNumber() && value.canConvertToInt() ? value.asInt() : null;
    }

    /** The scalar entries of the object at {@code field}, as text; empty when there is none. */
    static Map<String, String> scalars(JsonNode node, String field) {
        Map<String, String> values = new LinkedHashMap<>();
        JsonNode object = node == null ? null : node.get(field);
        if (object != null && object.isObject()) {
            for (Map.Entry<String, JsonNode> entry : object.properties()) {
                if (entry.getValue().isValueNode() && !entry.getValue().isNull()) {
                    values.put(entry.getKey(), entry.getValue().asString());
                }
            }
        }
        return values;
    }
}
