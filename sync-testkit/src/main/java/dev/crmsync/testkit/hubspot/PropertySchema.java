package dev.crmsync.testkit.hubspot;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The property definitions of the simulated portal, per object type ({@code contacts}, {@code notes}, {@code tasks},
 * {@code deals}):
 * what exists, which values an enumeration allows (in display order, which for {@code lifecyclestage}
 * is the stage order) and what is read-only. Thread-safe.
 */
final class PropertySchema {
    static final String LIFECYCLE_STAGE = "lifecyclestage";
    static final List<String> LIFECYCLE_STAGES = List.of("subscriber", "lead", "marketingqualifiedlead",
            "salesqualifiedlead", "opportunity", "customer", "evangelist", "other");
    /** The stages of HubSpot's default sales pipeline, in order. */
    static final List<String> DEAL_STAGES = List.of("appointmentscheduled", "qualifiedtobuy", "presentationscheduled",
            "decisionmakerboughtin", "contractsent", "closedwon", "closedlost");
    static final List<String> LEAD_STATUSES = List.of("NEW", "OPEN", "IN_PROGRESS", "OPEN_DEAL", "UNQUALIFIED",
            "ATTEMPTED_TO_CONTACT", "CONNECTED", "BAD_TIMING");

    /** @param options allowed values in order, or null for free text */
    record Definition(String name, List<String> options, boolean readOnly) {
        Definition {
            options = options == null ? null : List.copyOf(options);
        }
    }

    private final Map<String, Map<String, Definition>> byObject = new HashMap<>();
    /** What the properties API was given for the properties it created, by object type and name. */
    private final Map<String, Map<String, tools.jackson.databind.node.ObjectNode>> created = new HashMap<>();

    PropertySchema() {
        reset();
    }

    /** Back to the standard properties plus the sync_* custom ones, forgetting anything defined since. */
    synchronized void reset() {
        byObject.clear();
        created.clear();
        for (String name : List.of("email", "firstname", "lastname", "phone", "company", "jobtitle", "website",
                "sync_suppression_reason", "sync_lost_reason", "sync_last_updated_by", "sync_engagement_score",
                "sync_seniority", "sync_linkedin_url", "sync_sequence_name")) {
            define("contacts", name, null);
        }
        define("contacts", LIFECYCLE_STAGE, LIFECYCLE_STAGES);
        define("contacts", "hs_lead_status", LEAD_STATUSES);
        define("contacts", "sync_do_not_contact", List.of("true", "false"));
        for (String name : List.of("hs_note_body", "hs_timestamp", "hubspot_owner_id", "hs_attachment_ids",
                "sync_activity_key")) {
            define("notes", name, null);
        }
        for (String name : List.of("hs_task_body", "hs_task_subject", "hs_timestamp", "hubspot_owner_id",
                "sync_activity_key")) {
            define("tasks", name, null);
        }
        define("tasks", "hs_task_status", List.of("NOT_STARTED", "IN_PROGRESS", "WAITING", "COMPLETED", "DEFERRED"));
        define("tasks", "hs_task_priority", List.of("LOW", "MEDIUM", "HIGH"));
        define("tasks", "hs_task_type", List.of("EMAIL", "CALL", "TODO"));
        for (String name : List.of("dealname", "amount", "closedate", "pipeline", "hubspot_owner_id")) {
            define("deals", name, null);
        }
        define("deals", "dealstage", DEAL_STAGES);
        defineReadOnly("contacts", List.of("hs_object_id", "createdate", "lastmodifieddate"));
        defineReadOnly("notes", List.of("hs_object_id", "hs_createdate", "hs_lastmodifieddate"));
        defineReadOnly("tasks", List.of("hs_object_id", "hs_createdate", "hs_lastmodifieddate"));
        defineReadOnly("deals", List.of("hs_object_id", "createdate", "hs_lastmodifieddate"));
    }

    synchronized void define(String objectType, String name, Collection<String> optionsOrNull) {
        List<String> options = optionsOrNull == null ? null : new ArrayList<>(optionsOrNull);
        byObject.computeIfAbsent(objectType, k -> new LinkedHashMap<>()).put(name, new Definition(name, options, false));
    }

    private void defineReadOnly(String objectType, List<String> names) {
        names.forEach(name -> byObject.computeIfAbsent(objectType, k -> new LinkedHashMap<>())
                .put(name, new Definition(name, null, true)));
    }

    /** Creates the property through the properties API; false when one of that name exists already. */
    synchronized boolean create(String objectType, String name, Collection<String> optionsOrNull,
                                tools.jackson.databind.node.ObjectNode request) {
        if (find(objectType, name).isPresent()) {
            return false;
        }
        define(objectType, name, optionsOrNull);
        created.computeIfAbsent(objectType, k -> new LinkedHashMap<>()).put(name, request.deepCopy());
        return true;
    }

    synchronized void remove(String objectType, String name) {
        byObject.getOrDefault(objectType, new HashMap<>()).remove(name);
        created.getOrDefault(objectType, new HashMap<>()).remove(name);
    }

    /** The properties of an object type in definition order; empty for an unknown type. */
    synchronized List<Definition> all(String objectType) {
        return List.copyOf(byObject.getOrDefault(objectType, Map.of()).values());
    }

    /** The create request the API was given for this property, when the API created it. */
    synchronized Optional<tools.jackson.databind.node.ObjectNode> createdWith(String objectType, String name) {
        return Optional.ofNullable(created.getOrDefault(objectType, Map.of()).get(name)).map(n -> n.deepCopy());
    }

    synchronized Optional<Definition> find(String objectType, String name) {
        return Optional.ofNullable(byObject.getOrDefault(objectType, Map.of()).get(name));
    }

    /** The stage order of {@code lifecyclestage}; custom stages defined later keep their given order. */
    synchronized List<String> lifecycleOrder() {
        Definition stage = byObject.getOrDefault("contacts", Map.of()).get(LIFECYCLE_STAGE);
        return stage == null || stage.options() == null ? LIFECYCLE_STAGES : stage.options();
    }

    /** Every problem with the values; an empty string is always valid, it clears the property. */
    synchronized List<PropertyProblem> validate(String objectType, Map<String, String> properties) {
        List<PropertyProblem> problems = new ArrayList<>();
        Map<String, Definition> defined = byObject.getOrDefault(objectType, Map.of());
        properties.forEach((name, value) -> {
            Definition definition = defined.get(name);
            if (definition == null) {
                problems.add(PropertyProblem.doesNotExist(name));
            } else if (definition.readOnly()) {
                problems.add(PropertyProblem.readOnly(name));
            } else if (definition.options() != null && !value.isEmpty() && !definition.options().contains(value)) {
                problems.add(new PropertyProblem(name, "INVALID_OPTION",
                        value + " was not one of the allowed options: " + definition.options()));
            }
        });
        return problems;
    }
}
