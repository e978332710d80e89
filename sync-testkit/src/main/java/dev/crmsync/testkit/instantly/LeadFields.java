package dev.crmsync.testkit.instantly;

import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Reads lead fields and custom variables from a request body as Instantly validates them. */
final class LeadFields {
    private LeadFields() {
    }

    /** The core fields present in {@code body} (a JSON null clears: value null). */
    static Map<String, String> core(JsonNode body) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String name : SimulatedLead.CORE_FIELDS) {
            JsonNode value = body.get(name);
            if (value != null) {
                fields.put(name, value.isNull() ? null : value.asString());
            }
        }
        return fields;
    }

    /**
     * The {@code custom_variables} object, or null when it is absent.
     *
     * @throws IllegalArgumentException with Instantly's rule when a value is an object or array
     */
    static Map<String, String> custom(JsonNode body) {
        JsonNode object = body.get("custom_variables");
        if (object == null || object.isNull()) {
            return null;
        }
        if (!object.isObject()) {
            throw new IllegalArgumentException("body/custom_variables must be object");
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : object.properties()) {
            JsonNode value = entry.getValue();
            if (!value.isValueNode()) {
                throw new IllegalArgumentException("body/custom_variables/" + entry.getKey()
                        + " must be a string, number, boolean or null; objects and arrays are not allowed");
            }
            if (!value.isNull()) {
                values.put(entry.getKey(), value.asString());
            }
        }
        return values;
    }

    /** Applies {@code changes} to {@code current}; a null value removes the field. */
    static Map<String, String> merged(Map<String, String> current, Map<String, String> changes) {
        Map<String, String> next = new LinkedHashMap<>(current);
        changes.forEach((name, value) -> {
            if (value == null) {
                next.remove(name);
            } else {
                next.put(name, value);
            }
        });
        return next;
    }
}
