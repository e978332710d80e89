package dev.crmsync.adapter.salesforce;

import com.sforce.soap.partner.sobject.SObject;
import dev.crmsync.core.model.Fingerprint;
import dev.crmsync.core.spi.ParsedEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The fields the feed and the backfill read per object, and how a record becomes a stored event: the payload
 * is {@code {"object", "integrationUserId", "record": {field: value}}} (a deleted record:
 * {@code {"object", "deleted": true, "deletedDate", "record": {"Id"}}}); the dedup key names the record and its
 * version, {@code sf:<Id>:<SystemModstamp>:<hash of the values>} (Salesforce keeps modstamps to the second, so
 * two edits within one second differ by their values), or {@code sf:<Id>:deleted}.
 */
final class SalesforceRecords {
    static final String UPDATED = "updated";
    static final String DELETED = "deleted";
    static final String SNAPSHOT = "snapshot";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> COMMON = List.of("Email", "FirstName", "LastName", "Title", "Phone",
            "HasOptedOutOfEmail");

    private final SalesforceOrgFields org;

    SalesforceRecords(SalesforceOrgFields org) {
        this.org = org;
    }

    /** The SELECT list for {@code object}: Id, system fields, the person fields and our source field. */
    String select(String object) {
        List<String> fields = new ArrayList<>(List.of("Id", "SystemModstamp", "LastModifiedById"));
        fields.addAll(COMMON);
        fields.add(org.sourceField());
        if (object.equals(PersonRecord.LEAD)) {
            org.leadOnlyFields().stream().sorted().forEach(fields::add);
        }
        return String.join(", ", fields);
    }

    ParsedEvent event(String object, String kind, SObject record, String integrationUserId) {
        ObjectNode payload = JSON.createObjectNode();
        payload.put("object", object);
        if (integrationUserId != null) {
            payload.put("integrationUserId", integrationUserId);
        }
        ObjectNode fields = payload.putObject("record");
        fields.put("Id", record.getId());
        for (String name : select(object).split(", ")) {
            Object value = record.getField(name);
            if (!name.equals("Id") && value != null) {
                fields.put(name, value.toString());
            }
        }
        Instant modstamp = Instant.parse(fields.path("SystemModstamp").asString());
        String hash = Fingerprint.of(fields.toString());
        String key = kind.equals(SNAPSHOT) ? "sf:snapshot:" + record.getId() + ":" + modstamp + ":" + hash
                : "sf:" + record.getId() + ":" + modstamp + ":" + hash;
        Object email = record.getField("Email");
        return new ParsedEvent(object + "." + kind, key, email == null ? null : email.toString(), modstamp,
                JSON.writeValueAsBytes(payload));
    }

    ParsedEvent deleted(String object, String id, Instant deletedDate) {
        ObjectNode payload = JSON.createObjectNode();
        payload.put("object", object);
        payload.put("deleted", true);
        payload.put("deletedDate", deletedDate.toString());
        payload.putObject("record").put("Id", id);
        return new ParsedEvent(object + "." + DELETED, "sf:" + id + ":deleted", null, deletedDate,
                JSON.writeValueAsBytes(payload));
    }
}
