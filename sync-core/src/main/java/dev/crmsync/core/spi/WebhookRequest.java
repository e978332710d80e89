package dev.crmsync.core.spi;

import java.net.URI;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A webhook as it reached the service, before anything trusted it.
 *
 * @param method     the HTTP method
 * @param uri        the public URI the sender signed (the service resolves proxies)
 * @param headers    headers, looked up case-insensitively; first value of each
 * @param body       the raw body, exactly as received
 * @param receivedAt when the service received it
 */
public record WebhookRequest(String method, URI uri, Map<String, String> headers, byte[] body, Instant receivedAt) {

    public WebhookRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Map<String, String> lower = new HashMap<>(headers.size() * 2);
        headers.forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), v));
        headers = Map.copyOf(lower);
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }

    @Override
    public String toString() {
        return "WebhookRequest[" + method + " " + uri.getPath() + ", " + body.length + " bytes]";
    }
}
