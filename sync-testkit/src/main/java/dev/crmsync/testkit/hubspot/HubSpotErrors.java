package dev.crmsync.testkit.hubspot;

import java.util.List;
import java.util.UUID;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Error bodies shaped as HubSpot documents them: {@code status}, {@code message}, {@code category},
 * {@code correlationId}, optional {@code errors[]} and {@code context}; the 429 body carries
 * {@code errorType} and {@code policyName} instead of a category.
 */
final class HubSpotErrors {
    static final long PORTAL_ID = 62515L;

    private HubSpotErrors() {
    }

    static ObjectNode error(String message, String category) {
        ObjectNode node = SimJson.object();
        node.put("status", "error");
        node.put("message", message);
        node.put("correlationId", UUID.randomUUID().toString());
        node.put("category", category);
        return node;
    }

    static ObjectNode unauthorized() {
        return error("Authentication credentials not found. This API supports OAuth 2.0 authentication and you can "
                + "find more details at https://developers.hubspot.com/docs/methods/auth/oauth-overview",
                "INVALID_AUTHENTICATION");
    }

    /** An OAuth access token past its lifetime: HubSpot's 401 with category {@code EXPIRED_AUTHENTICATION}. */
    static ObjectNode expired(java.time.Duration ago) {
        return error("The OAuth token used to make this call expired " + Math.max(1, ago.toSeconds())
                + " second(s) ago.", "EXPIRED_AUTHENTICATION");
    }

    /** HubSpot's 403 for a token without the scope, naming it in {@code errors[].context.requiredGranularScopes}. */
    static ObjectNode missingScopes(String scope) {
        ObjectNode node = error("This app hasn't been granted all required scopes to make this call. Read more about "
                + "required scopes here: https://developers.hubspot.com/scopes.", "MISSING_SCOPES");
        ObjectNode entry = node.putArray("errors").addObject();
        entry.put("message", "One or more of the following scopes are required.");
        entry.putObject("context").putArray("requiredGranularScopes").add(scope);
        node.putObject("links").put("scopes", "https://developers.hubspot.com/scopes");
        return node;
    }

    /** The documented 429 body; {@code policyName} is {@code TEN_SECONDLY_ROLLING}, {@code DAILY} or {@code SECONDLY}. */
    static ObjectNode rateLimited(String policyName) {
        String which = switch (policyName) {
            case "DAILY" -> "daily";
            case "SECONDLY" -> "secondly";
            default -> "ten_secondly_rolling";
        };
        ObjectNode node = SimJson.object();
        node.put("status", "error");
        node.put("message", "You have reached your " + which + " limit.");
        node.put("errorType", "RATE_LIMIT");
        node.put("correlationId", UUID.randomUUID().toString());
        node.put("policyName", policyName);
        node.put("requestId", UUID.randomUUID().toString());
        return node;
    }

    /** A body for a fault injected with {@code failNext}. */
    static ObjectNode forStatus(int status) {
        return switch (status) {
            case 401 -> unauthorized();
            case 429 -> rateLimited("TEN_SECONDLY_ROLLING");
            case 403 -> error("This app hasn't been granted all required scopes to make this call.", "MISSING_SCOPES");
            case 404 -> error("resource not found", "OBJECT_NOT_FOUND");
            case 423 -> error("The record is locked by another request; retry in 2 seconds.", "LOCKED");
            case 502 -> error("Bad Gateway", "BAD_GATEWAY");
            case 503 -> error("Service temporarily unavailable", "SERVICE_UNAVAILABLE");
            case 504 -> error("Gateway Timeout", "GATEWAY_TIMEOUT");
            default -> status >= 500 ? error("internal error", "INTERNAL_ERROR")
                    : error("Injected failure " + status, "VALIDATION_ERROR");
        };
    }

    /** HubSpot's wording for invalid property values: a JSON list embedded in the message. */
    static String propertyValuesNotValid(List<PropertyProblem> problems) {
        ArrayNode list = SimJson.MAPPER.createArrayNode();
        problems.forEach(p -> list.add(p.toJson()));
        return "Property values were not valid: " + list;
    }

    /** A whole-request 400 listing every problem, each naming its property in {@code context.propertyName}. */
    static ObjectNode validation(String message, List<PropertyProblem> problems) {
        ObjectNode node = error(message, "VALIDATION_ERROR");
        ArrayNode errors = node.putArray("errors");
        for (PropertyProblem problem : problems) {
            ObjectNode entry = errors.addObject();
            entry.put("message", problem.message());
            entry.put("code", problem.error());
            entry.putObject("context").putArray("propertyName").add(problem.name());
        }
        return node;
    }

    /** One entry of a 207 answer's {@code errors[]}, naming its input by {@code objectWriteTraceId}. */
    static ObjectNode batchEntry(String traceId, List<PropertyProblem> problems) {
        ObjectNode node = SimJson.object();
        node.put("status", "error");
        node.put("category", "VALIDATION_ERROR");
        node.put("message", propertyValuesNotValid(problems));
        node.putObject("context").putArray("objectWriteTraceId").add(traceId);
        return node;
    }
}
