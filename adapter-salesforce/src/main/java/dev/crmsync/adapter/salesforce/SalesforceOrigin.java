package dev.crmsync.adapter.salesforce;

import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * Who made the version of a record an event carries: {@value #OURS} for our own writes, {@value #REP} for anyone
 * else. When the feed knew the integration user, {@code LastModifiedById} decides: the source field keeps naming
 * us after a rep edits the record later, so on its own it would hide the rep's change. Only when the integration
 * user is unknown does the source field (set to our client name by every write of ours) decide.
 */
final class SalesforceOrigin {
    static final String OURS = "ours";
    static final String REP = "rep";

    private final String sourceField;
    private final String clientName;

    SalesforceOrigin(String sourceField, String clientName) {
        this.sourceField = Objects.requireNonNull(sourceField, "sourceField");
        this.clientName = Objects.requireNonNull(clientName, "clientName");
    }

    String of(JsonNode event) {
        JsonNode record = event.path("record");
        String integrationUser = event.path("integrationUserId").asString("");
        String modifiedBy = record.path("LastModifiedById").asString("");
        if (!integrationUser.isEmpty() && !modifiedBy.isEmpty()) {
            return sameUser(integrationUser, modifiedBy) ? OURS : REP;
        }
        return clientName.equals(record.path(sourceField).asString("")) ? OURS : REP;
    }

    /** Salesforce ids come in 15- and 18-character forms; the first 15 characters are the id. */
    private static boolean sameUser(String a, String b) {
        return a.length() >= 15 && b.length() >= 15 && a.substring(0, 15).equals(b.substring(0, 15));
    }
}
