package dev.crmsync.adapter.instantly;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * One webhook subscription as {@code GET /api/v2/webhooks} lists it. {@link #toString()} leaves out
 * header values: they carry the shared secret.
 *
 * @param id             the subscription's id
 * @param targetHookUrl  where Instantly delivers
 * @param eventType      the event it delivers ({@code all_events} for every event), or null for custom labels
 * @param campaignId     the campaign it is limited to, or null for the whole workspace
 * @param name           its display name, or null
 * @param headers        the custom headers Instantly sends with each delivery
 * @param status         {@value #ACTIVE} active, {@value #DISABLED} disabled by Instantly after failed
 *                       deliveries; null when Instantly sent none
 * @param timestampError when Instantly disabled it, or null
 */
public record InstantlyWebhook(String id, String targetHookUrl, String eventType, String campaignId, String name,
                               Map<String, String> headers, Integer status, Instant timestampError) {

    public static final int ACTIVE = 1;
    public static final int DISABLED = -1;

    public InstantlyWebhook {
        Objects.requireNonNull(id, "id");
        headers = Map.copyOf(headers);
    }

    /** True when Instantly stopped delivering to it (any status other than {@value #ACTIVE}). */
    public boolean isPaused() {
        return status != null && status != ACTIVE;
    }

    static InstantlyWebhook from(JsonNode node) {
        return new InstantlyWebhook(InstantlyJson.text(node, "id"), InstantlyJson.text(node, "target_hook_url"),
                InstantlyJson.text(node, "event_type"), InstantlyJson.text(node, "campaign"),
                InstantlyJson.text(node, "name"), InstantlyJson.scalars(node, "headers"),
                InstantlyJson.integer(node, "status"), instant(InstantlyJson.text(node, "timestamp_error")));
    }

    private static Instant instant(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    @Override
    public String toString() {
        return "InstantlyWebhook[id=" + id + ", eventType=" + eventType + ", campaignId=" + campaignId
                + ", headers=" + headers.keySet() + ", status=" + status + ", timestampError=" + timestampError + "]";
    }
}
