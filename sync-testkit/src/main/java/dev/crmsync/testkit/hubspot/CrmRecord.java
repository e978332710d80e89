package dev.crmsync.testkit.hubspot;

import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.node.ObjectNode;

/** An immutable snapshot of one stored contact or note. */
record CrmRecord(String id, Map<String, String> properties, Instant createdAt, Instant updatedAt) {

    CrmRecord {
        properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }

    /** The record as HubSpot returns it; {@code properties} limited to {@code shown} when that is not null. */
    ObjectNode toJson(Collection<String> shown) {
        ObjectNode node = SimJson.object();
        node.put("id", id);
        ObjectNode props = node.putObject("properties");
        if (shown == null) {
            properties.forEach(props::put);
        } else {
            for (String name : shown) {
                String value = properties.get(name);
                if (value == null) {
                    props.putNull(name);
                } else {
                    props.put(name, value);
                }
            }
        }
        node.put("createdAt", createdAt.toString());
        node.put("updatedAt", updatedAt.toString());
        node.put("archived", false);
        return node;
    }
}
