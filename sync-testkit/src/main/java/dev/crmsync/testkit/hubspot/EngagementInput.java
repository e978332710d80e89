package dev.crmsync.testkit.hubspot;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * One note or task to create, read from a request and checked as HubSpot's notes and tasks guides
 * describe: {@code hs_timestamp} is required (epoch millis or UTC text; a task's due date), the body
 * ({@code hs_note_body}, {@code hs_task_body}) holds at most 65,536 characters, and associations must
 * name existing contacts with the object's contact association type (202 note, 204 task).
 */
record EngagementInput(String traceId, Map<String, String> properties, List<String> contactIds,
                       List<PropertyProblem> problems) {
    static final int MAX_BODY = 65_536;

    /** The engagement object types the simulator keeps, with what differs between them. */
    enum Kind {
        NOTES("notes", 202, "hs_note_body"),
        TASKS("tasks", 204, "hs_task_body");

        final String objectType;
        final int toContactType;
        final String bodyProperty;

        Kind(String objectType, int toContactType, String bodyProperty) {
            this.objectType = objectType;
            this.toContactType = toContactType;
            this.bodyProperty = bodyProperty;
        }
    }

    static EngagementInput read(Kind kind, JsonNode input, PropertySchema schema, CrmStore store) {
        Map<String, String> properties = new LinkedHashMap<>(BatchRules.properties(input));
        List<PropertyProblem> problems = new ArrayList<>(schema.validate(kind.objectType, properties));
        String timestamp = properties.get("hs_timestamp");
        if (timestamp == null || timestamp.isEmpty()) {
            problems.add(new PropertyProblem("hs_timestamp", "REQUIRED", "Property \"hs_timestamp\" is required"));
        } else {
            try {
                properties.put("hs_timestamp", normalise(timestamp));
            } catch (DateTimeParseException | NumberFormatException e) {
                problems.add(new PropertyProblem("hs_timestamp", "INVALID_DATE",
                        timestamp + " is not a valid timestamp: use epoch milliseconds or UTC ISO-8601"));
            }
        }
        String body = properties.getOrDefault(kind.bodyProperty, "");
        if (body.length() > MAX_BODY) {
            problems.add(new PropertyProblem(kind.bodyProperty, "INVALID_LENGTH",
                    kind.bodyProperty + " is " + body.length() + " characters; the limit is " + MAX_BODY));
        }
        List<String> contactIds = new ArrayList<>();
        JsonNode associations = input.get("associations");
        if (associations != null && associations.isArray()) {
            for (JsonNode association : associations) {
                String to = SimJson.text(association.path("to"), "id");
                int typeId = association.path("types").path(0).path("associationTypeId").asInt(-1);
                if (typeId != kind.toContactType) {
                    problems.add(new PropertyProblem("associations", "INVALID_ASSOCIATION_TYPE", "association type "
                            + typeId + " is not " + kind.objectType + "-to-contact (" + kind.toContactType + ")"));
                } else if (to == null || !store.hasContact(to)) {
                    problems.add(new PropertyProblem("associations", "OBJECT_NOT_FOUND",
                            "contact " + to + " does not exist"));
                } else {
                    contactIds.add(to);
                }
            }
        }
        return new EngagementInput(SimJson.text(input, "objectWriteTraceId"), properties, contactIds, problems);
    }

    private static String normalise(String timestamp) {
        if (timestamp.chars().allMatch(Character::isDigit)) {
            return Instant.ofEpochMilli(Long.parseLong(timestamp)).toString();
        }
        return Instant.parse(timestamp).toString();
    }
}
