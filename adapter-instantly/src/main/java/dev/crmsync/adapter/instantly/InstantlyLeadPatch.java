package dev.crmsync.adapter.instantly;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.node.ObjectNode;

/**
 * What {@code PATCH /api/v2/leads/{id}} should change. Instantly does not document whether
 * {@code custom_variables} replaces or merges, so {@link #body} always sends the lead's complete set:
 * its current variables with these changes applied. A null value clears a field or variable.
 *
 * @param fields          core fields by Instantly's name ({@link InstantlyLead#CORE_FIELDS})
 * @param customVariables custom variables to set (null value: remove)
 */
public record InstantlyLeadPatch(Map<String, String> fields, Map<String, String> customVariables) {
    public InstantlyLeadPatch {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        customVariables = Collections.unmodifiableMap(new LinkedHashMap<>(customVariables));
    }

    public boolean isEmpty() {
        return fields.isEmpty() && customVariables.isEmpty();
    }

    /** The request body for one lead record, merging the custom variables into the record's current ones. */
    ObjectNode body(InstantlyLead current) {
        ObjectNode body = InstantlyJson.object();
        fields.forEach(body::put);
        if (!customVariables.isEmpty()) {
            Map<String, String> merged = new LinkedHashMap<>(current.customVariables());
            customVariables.forEach((name, value) -> {
                if (value == null) {
                    merged.remove(name);
                } else {
                    merged.put(name, value);
                }
            });
            ObjectNode custom = body.putObject("custom_variables");
            merged.forEach(custom::put);
        }
        return body;
    }

    @Override
    public String toString() {
        return "InstantlyLeadPatch[fields=" + fields.keySet() + ", customVariables=" + customVariables.keySet() + "]";
    }
}
