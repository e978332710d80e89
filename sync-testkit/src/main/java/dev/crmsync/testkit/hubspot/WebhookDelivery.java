package dev.crmsync.testkit.hubspot;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One attempt to deliver a webhook batch, as the simulator sent it.
 *
 * @param attempt the attempt, 0 for the first (every event in the body carries it as {@code attemptNumber})
 * @param target  where it was sent
 * @param body    the exact bytes sent: a JSON array of events
 * @param headers the headers sent, signature and timestamp among them
 * @param status  the receiver's HTTP status, or 0 when no answer came (refused, timed out)
 * @param sentAt  when it was sent
 */
public record WebhookDelivery(int attempt, URI target, byte[] body, Map<String, String> headers, int status,
                              Instant sentAt) {

    public WebhookDelivery {
        Objects.requireNonNull(target, "target");
        body = body.clone();
        headers = Collections.unmodifiableMap(new TreeMap<>(headers));
        Objects.requireNonNull(sentAt, "sentAt");
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    @Override
    public String toString() {
        return "WebhookDelivery[attempt=" + attempt + ", status=" + status + ", " + body.length + " bytes]";
    }
}
