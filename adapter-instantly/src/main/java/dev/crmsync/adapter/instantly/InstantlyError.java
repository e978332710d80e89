package dev.crmsync.adapter.instantly;

import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * What Instantly said went wrong. Its API answers errors in the Fastify shape
 * {@code {"statusCode":400,"error":"Bad Request","message":".."}}, sometimes only {@code {"error":".."}};
 * every field is read as optional. {@link #safeMessage()} is the form that may reach logs and dead
 * letters: e-mail addresses masked, length capped.
 */
record InstantlyError(String error, String message) {
    private static final Pattern EMAIL = Pattern.compile("[^\\s\"'<>@,;:()\\[\\]]+@[^\\s\"'<>@,;:()\\[\\]]+");
    private static final int MAX_LENGTH = 500;

    static InstantlyError from(JsonNode body) {
        if (body == null || !body.isObject()) {
            return new InstantlyError(null, null);
        }
        return new InstantlyError(InstantlyJson.text(body, "error"), InstantlyJson.text(body, "message"));
    }

    /** {@code error: message}, leaving out what Instantly did not send, with e-mail addresses masked. */
    String safeMessage() {
        String text;
        if (message != null && !message.isBlank()) {
            text = error == null || error.isBlank() || error.equals(message) ? message : error + ": " + message;
        } else if (error != null && !error.isBlank()) {
            text = error;
        } else {
            return "(no message)";
        }
        text = EMAIL.matcher(text).replaceAll("<email>");
        return text.length() <= MAX_LENGTH ? text : text.substring(0, MAX_LENGTH) + "...";
    }
}
