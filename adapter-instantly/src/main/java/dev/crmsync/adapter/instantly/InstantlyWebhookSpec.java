package dev.crmsync.adapter.instantly;

import dev.crmsync.core.config.Secret;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a webhook subscription should look like: the body of {@code POST /api/v2/webhooks} and
 * {@code PATCH /api/v2/webhooks/{id}}. Header values are secrets and never printed.
 *
 * @param targetHookUrl where Instantly should deliver ({@code http} or {@code https})
 * @param eventType     the event to deliver, or {@code all_events}
 * @param name          a display name, or null
 * @param headers       custom headers Instantly should send, e.g. {@code X-Webhook-Secret}
 */
public record InstantlyWebhookSpec(String targetHookUrl, String eventType, String name, Map<String, Secret> headers) {
    public InstantlyWebhookSpec {
        Objects.requireNonNull(targetHookUrl, "targetHookUrl");
        Objects.requireNonNull(eventType, "eventType");
        if (!targetHookUrl.startsWith("http://") && !targetHookUrl.startsWith("https://")) {
            throw new IllegalArgumentException("webhook target must start with http:// or https://, found '"
                    + targetHookUrl + "'");
        }
        headers = Map.copyOf(headers);
    }

    /** True when {@code existing} already delivers this event to this target with these headers and name. */
    public boolean isMetBy(InstantlyWebhook existing) {
        if (!targetHookUrl.equals(existing.targetHookUrl()) || !eventType.equals(existing.eventType())
                || !Objects.equals(name, existing.name()) || headers.size() != existing.headers().size()) {
            return false;
        }
        for (Map.Entry<String, Secret> header : headers.entrySet()) {
            if (!header.getValue().matches(existing.headers().get(header.getKey()))) {
                return false;
            }
        }
        return true;
    }

    ObjectNode body() {
        ObjectNode body = InstantlyJson.object();
        body.put("target_hook_url", targetHookUrl);
        body.put("event_type", eventType);
        if (name != null) {
            body.put("name", name);
        }
        ObjectNode headerNode = body.putObject("headers");
        new LinkedHashMap<>(headers).forEach((header, value) -> headerNode.put(header, value.reveal()));
        return body;
    }

    @Override
    public String toString() {
        return "InstantlyWebhookSpec[eventType=" + eventType + ", name=" + name + ", headers=" + headers.keySet() + "]";
    }
}
