package dev.crmsync.testkit.salesforce;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One stored sObject: its type, id, field values (text, as the partner API carries them) and system fields.
 *
 * @param lastModifiedById the user whose write made this version: the integration user for API writes, a rep otherwise
 */
public record SimRecord(String type, String id, Map<String, String> fields, Instant systemModstamp,
                        String lastModifiedById) {
    public SimRecord {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(systemModstamp, "systemModstamp");
        fields = Map.copyOf(fields);
    }

    /** A field's value, system fields included; null when unset. */
    public String get(String field) {
        return switch (field) {
            case "Id" -> id;
            case "SystemModstamp", "LastModifiedDate" -> SoapXml.dateTime(systemModstamp);
            case "LastModifiedById" -> lastModifiedById;
            case "IsConverted", "HasOptedOutOfEmail" -> fields.getOrDefault(field, "false");
            default -> fields.get(field);
        };
    }

    SimRecord with(Map<String, String> changes, Instant modstamp, String userId) {
        Map<String, String> merged = new LinkedHashMap<>(fields);
        changes.forEach((k, v) -> {
            if (v == null) {
                merged.remove(k);
            } else {
                merged.put(k, v);
            }
        });
        return new SimRecord(type, id, merged, modstamp, userId);
    }

    @Override
    public String toString() {
        return "SimRecord[" + type + " " + id + ", fields=" + fields.keySet() + "]";
    }
}
