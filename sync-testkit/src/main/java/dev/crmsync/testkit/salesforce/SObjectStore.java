package dev.crmsync.testkit.salesforce;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The org's records. Every call is one transaction with one {@code SystemModstamp}, as in Salesforce: all
 * records written by one call share it (the same-timestamp case a change feed must handle). Deleted records
 * move to the recycle bin, where {@code getDeleted} finds them. Thread-safe (one lock).
 */
final class SObjectStore {
    private static final Map<String, String> PREFIXES = Map.of("Lead", "00Q", "Contact", "003", "Task", "00T");

    private final Map<String, SimRecord> records = new LinkedHashMap<>();
    private final Map<String, Deleted> recycleBin = new LinkedHashMap<>();
    private final SimSchema schema;
    private final Clock clock;
    private Instant lastModstamp = Instant.EPOCH;
    private long nextId = 1;

    record Deleted(String type, String id, Instant deletedDate) {
    }

    SObjectStore(SimSchema schema, Clock clock) {
        this.schema = schema;
        this.clock = clock;
    }

    /**
     * The timestamp of a new transaction: now in whole seconds (Salesforce keeps date-times to the second),
     * never before the previous one. Records written within one second share it.
     */
    synchronized Instant transactionStamp() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        lastModstamp = now.isAfter(lastModstamp) ? now : lastModstamp;
        return lastModstamp;
    }

    synchronized List<RecordResult> create(String type, List<Map<String, String>> inputs, String userId) {
        Instant stamp = transactionStamp();
        List<RecordResult> results = new ArrayList<>();
        for (Map<String, String> input : inputs) {
            results.add(validate(type, input, true).map(RecordResult::failed)
                    .orElseGet(() -> RecordResult.ok(insert(type, input, stamp, userId).id(), true)));
        }
        return results;
    }

    synchronized List<RecordResult> update(String type, List<Map<String, String>> inputs, String userId) {
        Instant stamp = transactionStamp();
        List<RecordResult> results = new ArrayList<>();
        for (Map<String, String> input : inputs) {
            String id = input.get("Id");
            SimRecord existing = id == null ? null : records.get(id);
            if (existing == null || !existing.type().equals(type)) {
                results.add(RecordResult.failed(new RecordResult.RecordError(id == null ? "MISSING_ARGUMENT"
                        : "ENTITY_IS_DELETED", id == null ? "Id not specified in an update call"
                        : "entity is deleted", List.of())));
                continue;
            }
            Map<String, String> changes = withoutId(input);
            Optional<RecordResult.RecordError> problem = validate(type, changes, false);
            if (problem.isPresent()) {
                results.add(RecordResult.failed(problem.get()));
            } else {
                records.put(id, existing.with(changes, stamp, userId));
                results.add(RecordResult.ok(id, false));
            }
        }
        return results;
    }

    synchronized List<RecordResult> upsert(String type, String keyField, List<Map<String, String>> inputs,
                                           String userId) {
        Instant stamp = transactionStamp();
        List<RecordResult> results = new ArrayList<>();
        for (Map<String, String> input : inputs) {
            String key = input.get(keyField);
            if (key == null || key.isBlank()) {
                results.add(RecordResult.failed(new RecordResult.RecordError("MISSING_ARGUMENT",
                        keyField + " not specified", List.of(keyField))));
                continue;
            }
            List<SimRecord> matches = find(type, r -> key.equalsIgnoreCase(r.get(keyField)));
            if (matches.size() > 1) {
                results.add(RecordResult.failed(new RecordResult.RecordError("DUPLICATE_EXTERNAL_ID",
                        keyField + ": more than one record found for external id field: " + ids(matches),
                        List.of(keyField))));
                continue;
            }
            Map<String, String> changes = withoutId(input);
            Optional<RecordResult.RecordError> problem = validate(type, changes, matches.isEmpty());
            if (problem.isPresent()) {
                results.add(RecordResult.failed(problem.get()));
            } else if (matches.isEmpty()) {
                results.add(RecordResult.ok(insert(type, changes, stamp, userId).id(), true));
            } else {
                SimRecord existing = matches.get(0);
                records.put(existing.id(), existing.with(changes, stamp, userId));
                results.add(RecordResult.ok(existing.id(), false));
            }
        }
        return results;
    }

    /** A write outside the API (a rep in the UI), at the given time, by {@code userId}. */
    synchronized SimRecord edit(String id, Map<String, String> changes, Instant stamp, String userId) {
        SimRecord existing = require(id);
        SimRecord updated = existing.with(changes, stamp, userId);
        records.put(id, updated);
        return updated;
    }

    synchronized SimRecord insertDirect(String type, Map<String, String> fields, Instant stamp, String userId) {
        return insert(type, fields, stamp, userId);
    }

    synchronized void delete(String id) {
        SimRecord removed = require(id);
        records.remove(id);
        recycleBin.put(id, new Deleted(removed.type(), id, transactionStamp()));
    }

    synchronized List<SimRecord> find(String type, Predicate<SimRecord> filter) {
        return records.values().stream().filter(r -> r.type().equals(type)).filter(filter).toList();
    }

    synchronized Optional<SimRecord> byId(String id) {
        return Optional.ofNullable(records.get(id));
    }

    synchronized List<Deleted> deleted(String type, Instant start, Instant end) {
        return recycleBin.values().stream().filter(d -> d.type().equals(type))
                .filter(d -> !d.deletedDate().isBefore(start) && !d.deletedDate().isAfter(end)).toList();
    }

    synchronized List<SimRecord> all() {
        return List.copyOf(records.values());
    }

    private SimRecord require(String id) {
        SimRecord existing = records.get(id);
        if (existing == null) {
            throw new IllegalArgumentException("no record with id " + id);
        }
        return existing;
    }

    private SimRecord insert(String type, Map<String, String> fields, Instant stamp, String userId) {
        String id = PREFIXES.getOrDefault(type, "a00") + String.format("%012d", nextId++) + "AAA";
        SimRecord record = new SimRecord(type, id, fields, stamp, userId);
        records.put(id, record);
        return record;
    }

    private Optional<RecordResult.RecordError> validate(String type, Map<String, String> input, boolean creating) {
        for (Map.Entry<String, String> field : input.entrySet()) {
            if (schema.isSystemField(field.getKey())) {
                return Optional.of(new RecordResult.RecordError("INVALID_FIELD_FOR_INSERT_UPDATE",
                        "Unable to create/update fields: " + field.getKey() + ". Please check the security settings "
                                + "of this field and verify that it is read/write for your profile or permission set.",
                        List.of(field.getKey())));
            }
            Optional<List<String>> allowed = schema.picklist(type, field.getKey());
            if (allowed.isPresent() && field.getValue() != null && !allowed.get().contains(field.getValue())) {
                return Optional.of(new RecordResult.RecordError("INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST",
                        field.getKey() + ": bad value for restricted picklist field: " + field.getValue(),
                        List.of(field.getKey())));
            }
        }
        if (creating) {
            List<String> missing = schema.required(type).stream()
                    .filter(f -> input.get(f) == null || input.get(f).isBlank()).toList();
            if (!missing.isEmpty()) {
                return Optional.of(new RecordResult.RecordError("REQUIRED_FIELD_MISSING",
                        "Required fields are missing: " + missing, missing));
            }
        }
        return Optional.empty();
    }

    private static Map<String, String> withoutId(Map<String, String> input) {
        Map<String, String> copy = new LinkedHashMap<>(input);
        copy.remove("Id");
        return copy;
    }

    private static String ids(List<SimRecord> matches) {
        return String.join(", ", matches.stream().map(SimRecord::id).toList());
    }
}
