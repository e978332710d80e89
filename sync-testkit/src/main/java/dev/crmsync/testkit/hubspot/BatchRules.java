package dev.crmsync.testkit.hubspot;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** What every simulated batch endpoint shares: the 100-input limit, multi-status opt-in and the answer envelope. */
final class BatchRules {
    static final int MAX_INPUTS = 100;

    private BatchRules() {
    }

    /** The {@code inputs} array of a batch body, or null when there is none. */
    static JsonNode inputs(SimRequest request) {
        JsonNode body = request.jsonObject();
        JsonNode inputs = body == null ? null : body.get("inputs");
        return inputs != null && inputs.isArray() ? inputs : null;
    }

    static SimResponse malformed() {
        return SimResponse.of(400, HubSpotErrors.error(
                "Invalid input JSON: expected an object with an \"inputs\" array", "VALIDATION_ERROR"));
    }

    static SimResponse tooMany(int count) {
        return SimResponse.of(400, HubSpotErrors.error("Batch input size " + count
                + " exceeds the maximum of " + MAX_INPUTS + " inputs per request", "VALIDATION_ERROR"));
    }

    /**
     * Multi-status answers are opted into by giving every input an {@code objectWriteTraceId}
     * (HubSpot error-handling guide, "Multi-status errors"); without it one bad input fails the batch.
     */
    static boolean multiStatus(JsonNode inputs) {
        if (inputs.isEmpty()) {
            return false;
        }
        for (JsonNode input : inputs) {
            String traceId = SimJson.text(input, "objectWriteTraceId");
            if (traceId == null || traceId.isBlank()) {
                return false;
            }
        }
        return true;
    }

    /** The input's {@code properties} as strings; JSON null clears, like an empty string. */
    static Map<String, String> properties(JsonNode input) {
        Map<String, String> properties = new LinkedHashMap<>();
        JsonNode node = input.get("properties");
        if (node != null && node.isObject()) {
            for (Map.Entry<String, JsonNode> entry : node.properties()) {
                String value = SimJson.text(entry.getValue());
                properties.put(entry.getKey(), value == null ? "" : value);
            }
        }
        return properties;
    }

    /**
     * A batch endpoint's answer: {@code okStatus} when every input was applied, else 207 with one error
     * entry per refused input ({@code numErrors} and {@code errors}), as HubSpot answers a partial batch.
     */
    static SimResponse answer(ArrayNode results, List<ObjectNode> errors, int okStatus, Instant startedAt,
                              Instant completedAt) {
        ObjectNode answer = envelope(results, startedAt, completedAt);
        if (errors.isEmpty()) {
            return SimResponse.of(okStatus, answer);
        }
        answer.put("numErrors", errors.size());
        answer.putArray("errors").addAll(errors);
        return SimResponse.of(207, answer);
    }

    private static ObjectNode envelope(ArrayNode results, Instant startedAt, Instant completedAt) {
        ObjectNode node = SimJson.object();
        node.put("status", "COMPLETE");
        node.set("results", results);
        node.put("startedAt", startedAt.toString());
        node.put("completedAt", completedAt.toString());
        return node;
    }
}
