package dev.crmsync.service.web;

import java.util.Optional;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * Webhooks are JSON: a request that names another content type (a form, plain text, XML) is refused
 * with 415. A request without a Content-Type is read as JSON, since some proxies drop the header.
 */
final class JsonContentType {
    private static final int MAX_QUOTED = 80;

    private JsonContentType() {
    }

    static Optional<String> problem(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return Optional.empty();
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            if (type.isCompatibleWith(MediaType.APPLICATION_JSON) || type.getSubtype().endsWith("+json")) {
                return Optional.empty();
            }
        } catch (InvalidMediaTypeException unreadable) {
            // refused below like any other type that is not JSON
        }
        String quoted = contentType.length() > MAX_QUOTED ? contentType.substring(0, MAX_QUOTED) + "..." : contentType;
        return Optional.of("Content-Type '" + quoted + "' is not JSON; send application/json");
    }
}
