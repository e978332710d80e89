package dev.crmsync.testkit.hubspot;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * One note to create, read from a request and checked as HubSpot's notes guide describes:
 * {@code hs_timestamp} is required (epoch millis or UTC text), {@code hs_note_body} holds at most
 * 65,536 characters, and associations must name existing contacts with type 202.
 */
record NoteInput(String traceId, Map<String, String> properties, List<String> contactIds,
                 List<PropertyProblem> problems) {
    static final int NOTE_TO_CONTACT = 202;
    static final int MAX_BODY = 65_536;

    static NoteInput read(JsonNode input, PropertySchema schema, CrmStore store) {
        Map<String, String> properties = new LinkedHashMap<>(BatchRules.properties(input));
        List<PropertyProblem> problems = new ArrayList<>(schema.validate("notes", properties));
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
        String body = properties.getOrDefault("hs_note_body", "");
        if (body.length() > MAX_BODY) {
            problems.add(new PropertyProblem("hs_note_body", "INVALID_LENGTH",
                    "hs_note_body is " + body.length() + " characters; the limit is " + MAX_BODY));
        }
        List<String> contactIds = new ArrayList<>();
        JsonNode associations = input.get("associations");
        if (associations != null && associations.isArray()) {
            for (JsonNode association : associations) {
                String to = SimJson.text(association.path("to"), "id");
                int typeId = association.path("types").path(0).path("associationTypeId").asInt(-1);
                if (typeId != NOTE_TO_CONTACT) {
                    problems.add(new PropertyProblem("associations", "INVALID_ASSOCIATION_TYPE",
                            "association type " + typeId + " is not note-to-contact (" + NOTE_TO_CONTACT + ")"));
                } else if (to == null || !store.hasContact(to)) {
                    problems.add(new PropertyProblem("associations", "OBJECT_NOT_FOUND",
                            "contact " + to + " does not exist"));
                } else {
                    contactIds.add(to);
                }
            }
        }
        return new NoteInput(SimJson.text(input, "objectWriteTraceId"), properties, contactIds, problems);
    }

    private static String normalise(String timestamp) {
        if (timestamp.chars().allMatch(Character::isDigit)) {
            return Instant.ofEpochMilli(Long.parseLong(timestamp)).toString();
        }
        return Instant.parse(timestamp).toString();
    }
}
