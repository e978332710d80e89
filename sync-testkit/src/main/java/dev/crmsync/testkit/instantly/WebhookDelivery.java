package dev.crmsync.testkit.instantly;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * The finished delivery of one event to one subscription: every try, each with the same body.
 *
 * @param webhookId the subscription's id
 * @param targetUrl where it was sent
 * @param eventType the event's type, as in the body
 * @param body      the exact bytes sent on every try
 * @param attempts  the tries, first one first
 */
public record WebhookDelivery(String webhookId, String targetUrl, String eventType, byte[] body,
                              List<DeliveryAttempt> attempts) {
    public WebhookDelivery {
        Objects.requireNonNull(webhookId, "webhookId");
        Objects.requireNonNull(body, "body");
        attempts = List.copyOf(attempts);
    }

    /** True when one of the tries got a 2xx. */
    public boolean delivered() {
        return attempts.stream().anyMatch(DeliveryAttempt::succeeded);
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "WebhookDelivery[webhookId=" + webhookId + ", eventType=" + eventType + ", attempts="
                + attempts.size() + ", delivered=" + delivered() + "]";
    }
}
