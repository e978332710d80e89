package dev.crmsync.adapter.hubspot;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * What HubSpot said went wrong, read from its error JSON ({@code message}, {@code category},
 * {@code policyName}, {@code correlationId}, every field optional). {@link #safeMessage()} is the
 * form that may reach logs and dead letters: e-mail addresses masked, the JSON list inside
 * "Property values were not valid" summarised per property.
 */
record HubSpotError(String message, String category, String policyName, String correlationId) {
    private static final String INVALID_VALUES = "Property values were not valid: ";
    private static final Pattern EMAIL = Pattern.compile("[^\\s\"'<>@,;:()\\[\\]]+@[^\\s\"'<>@,;:()\\[\\]]+");
    private static final int MAX_LENGTH = 500;

    static HubSpotError from(JsonNode body) {
        if (body == null || !body.isObject()) {
            return new HubSpotError(null, null, null, null);
        }
        return new HubSpotError(HubSpotJson.text(body, "message"), HubSpotJson.text(body, "category"),
                HubSpotJson.text(body, "policyName"), HubSpotJson.text(body, "correlationId"));
    }

    String safeMessage() {
        if (message == null || message.isBlank()) {
            return "(no message)";
        }
        String text = message.startsWith(INVALID_VALUES) ? summariseInvalidValues(message) : message;
        text = EMAIL.matcher(text).replaceAll("<email>");
        return text.length() <= MAX_LENGTH ? text : text.substring(0, MAX_LENGTH) + "...";
    }

    /** {@code category X, correlationId Y: message}, leaving out what HubSpot did not send. */
    String describe() {
        List<String> facts = new ArrayList<>();
        if (category != null) {
            facts.add("category " + category);
        }
        if (policyName != null) {
            facts.add("policy " + policyName);
        }
        if (correlationId != null) {
            facts.add("correlationId " + correlationId);
        }
        return (facts.isEmpty() ? "" : String.join(", ", facts) + ": ") + safeMessage();
    }

    private static String summariseInvalidValues(String message) {
        try {
            JsonNode problems = HubSpotJson.MAPPER.readTree(message.substring(INVALID_VALUES.length()));
            List<String> parts = new ArrayList<>();
            for (JsonNode problem : problems) {
                parts.add(HubSpotJson.text(problem, "name") + ": " + HubSpotJson.text(problem, "error")
                        + " (" + HubSpotJson.text(problem, "message") + ")");
            }
            return parts.isEmpty() ? message : "property values were not valid: " + String.join("; ", parts);
        } catch (JacksonException e) {
            return message;
        }
    }
}
