package dev.crmsync.testkit.instantly;

import tools.jackson.databind.node.ObjectNode;

/**
 * Error bodies in the shape Instantly's API answers them (Fastify's):
 * {@code {"statusCode":400,"error":"Bad Request","message":"..."}}.
 */
final class InstantlyErrors {
    private InstantlyErrors() {
    }

    static ObjectNode error(int status, String message) {
        ObjectNode node = SimJson.object();
        node.put("statusCode", status);
        node.put("error", reason(status));
        node.put("message", message);
        return node;
    }

    static SimResponse badRequest(String message) {
        return SimResponse.of(400, error(400, message));
    }

    static SimResponse notFound(String what) {
        return SimResponse.of(404, error(404, what + " not found"));
    }

    /** A body for a fault injected with {@code failNext}. */
    static ObjectNode forStatus(int status) {
        return switch (status) {
            case 401 -> error(401, "Invalid API key");
            case 403 -> error(403, "API key does not have the required scope");
            case 429 -> error(429, "Rate limit exceeded");
            default -> error(status, status >= 500 ? "Internal server error" : "Injected failure " + status);
        };
    }

    private static String reason(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 429 -> "Too Many Requests";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> status >= 500 ? "Internal Server Error" : "Error";
        };
    }
}
