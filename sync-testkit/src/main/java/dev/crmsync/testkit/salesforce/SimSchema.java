package dev.crmsync.testkit.salesforce;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The org's objects and fields as far as the adapter uses them: which fields exist, which are read-only,
 * which are required on create, which can key an upsert ({@code idLookup} or External ID), and the
 * restricted picklists. Thread-safe.
 */
final class SimSchema {
    static final List<String> DEFAULT_LEAD_STATUSES = List.of("Open - Not Contacted", "Working - Contacted",
            "Working - Meeting Set", "Working - Qualified", "Closed - Converted", "Closed - Not Converted",
            "Closed - Not Interested", "Closed - Disqualified");
    private static final Set<String> SYSTEM_FIELDS = Set.of("Id", "SystemModstamp", "LastModifiedDate",
            "LastModifiedById", "CreatedDate", "IsDeleted");

    private final Map<String, Set<String>> fields = new LinkedHashMap<>();
    private final Map<String, List<String>> required = Map.of(
            "Lead", List.of("LastName", "Company"), "Contact", List.of("LastName"), "Task", List.of());
    private final Map<String, Set<String>> upsertKeys = new LinkedHashMap<>();
    private final Map<String, List<String>> picklists = new LinkedHashMap<>();

    SimSchema() {
        fields.put("Lead", new LinkedHashSet<>(List.of("FirstName", "LastName", "Company", "Email", "Title", "Phone",
                "Website", "Status", "HasOptedOutOfEmail", "Last_Updated_By_Source__c", "OwnerId", "IsConverted")));
        fields.put("Contact", new LinkedHashSet<>(List.of("FirstName", "LastName", "Email", "Title", "Phone",
                "HasOptedOutOfEmail", "Last_Updated_By_Source__c", "AccountId", "OwnerId")));
        fields.put("Task", new LinkedHashSet<>(List.of("Subject", "Description", "WhoId", "Status", "Priority",
                "ActivityDate", "Type", "TaskSubtype", "Sync_Key__c")));
        upsertKeys.put("Lead", new LinkedHashSet<>(List.of("Id", "Email")));
        upsertKeys.put("Contact", new LinkedHashSet<>(List.of("Id", "Email")));
        upsertKeys.put("Task", new LinkedHashSet<>(List.of("Id", "Sync_Key__c")));
        picklists.put("Lead.Status", DEFAULT_LEAD_STATUSES);
    }

    synchronized boolean knowsObject(String type) {
        return fields.containsKey(type);
    }

    synchronized boolean isReadable(String type, String field) {
        return SYSTEM_FIELDS.contains(field) || fields.getOrDefault(type, Set.of()).contains(field);
    }

    synchronized boolean isWritable(String type, String field) {
        return fields.getOrDefault(type, Set.of()).contains(field);
    }

    synchronized boolean isSystemField(String field) {
        return SYSTEM_FIELDS.contains(field);
    }

    List<String> required(String type) {
        return required.getOrDefault(type, List.of());
    }

    synchronized boolean canKeyUpsert(String type, String field) {
        return upsertKeys.getOrDefault(type, Set.of()).contains(field);
    }

    synchronized Optional<List<String>> picklist(String type, String field) {
        return Optional.ofNullable(picklists.get(type + "." + field));
    }

    synchronized void addField(String type, String field, boolean upsertKey) {
        fields.computeIfAbsent(type, t -> new LinkedHashSet<>()).add(field);
        if (upsertKey) {
            upsertKeys.computeIfAbsent(type, t -> new LinkedHashSet<>()).add(field);
        }
    }

    synchronized void restrictPicklist(String type, String field, List<String> values) {
        picklists.put(type + "." + field, List.copyOf(values));
    }
}
