package dev.crmsync.service.reliability;

import java.util.Map;

/**
 * One request of the webhook fuzz corpus.
 *
 * @param name          what is wrong with it, shown when it fails
 * @param path          {@code /webhooks/instantly} or {@code /webhooks/hubspot}
 * @param contentType   the Content-Type header, or null to send none
 * @param headers       credentials and other headers
 * @param body          the raw bytes
 * @param mayBeAccepted true when the request is well-formed enough that a 2xx (storing it) is right
 */
record FuzzCase(String name, String path, String contentType, Map<String, String> headers, byte[] body,
                boolean mayBeAccepted) {

    FuzzCase {
        headers = Map.copyOf(headers);
    }

    static FuzzCase rejected(String name, String path, Map<String, String> headers, byte[] body) {
        return new FuzzCase(name, path, "application/json", headers, body, false);
    }

    static FuzzCase anything(String name, String path, Map<String, String> headers, byte[] body) {
        return new FuzzCase(name, path, "application/json", headers, body, true);
    }

    FuzzCase withContentType(String type) {
        return new FuzzCase(name, path, type, headers, body, mayBeAccepted);
    }
}
