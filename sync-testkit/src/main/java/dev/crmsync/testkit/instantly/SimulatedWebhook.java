package dev.crmsync.testkit.instantly;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import tools.jackson.databind.node.ObjectNode;

/**
 * One webhook subscription in the simulator. Immutable; changes make a copy.
 *
 * @param id             the subscription's id
 * @param targetHookUrl  where deliveries go
 * @param eventType      an event type, {@code all_events}, or null for custom-label events
 * @param campaignId     the campaign it is limited to, or null
 * @param name           display name, or null
 * @param headers        custom headers sent with each delivery
 * @param status         {@value #ACTIVE} active, {@value #DISABLED} disabled (paused) after failed deliveries
 * @param timestampError when it was disabled, or null
 * @param createdAt      when it was created
 */
public record SimulatedWebhook(String id, String targetHookUrl, String eventType, String campaignId, String name,
                               Map<String, String> headers, int status, Instant timestampError, Instant createdAt) {

    public static final int ACTIVE = 1;
    public static final int DISABLED = -1;

    public SimulatedWebhook {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(targetHookUrl, "targetHookUrl");
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    public boolean isActive() {
        return status == ACTIVE;
    }

    SimulatedWebhook paused(Instant at) {
        return new SimulatedWebhook(id, targetHookUrl, eventType, campaignId, name, headers, DISABLED, at, createdAt);
    }

    SimulatedWebhook resumed() {
        return new SimulatedWebhook(id, targetHookUrl, eventType, campaignId, name, headers, ACTIVE, timestampError,
                createdAt);
    }

    SimulatedWebhook with(String newTarget, String newEventType, String newCampaign, String newName,
                          Map<String, String> newHeaders) {
        return new SimulatedWebhook(id, newTarget, newEventType, newCampaign, newName, newHeaders, status,
                timestampError, createdAt);
    }

    ObjectNode toJson(String workspaceId) {
        ObjectNode node = SimJson.object();
        node.put("id", id);
        node.put("organization", workspaceId);
        node.put("target_hook_url", targetHookUrl);
        node.put("timestamp_created", SimJson.time(createdAt));
        node.put("campaign", campaignId);
        node.put("name", name);
        node.put("event_type", eventType);
        ObjectNode headerNode = node.putObject("headers");
        headers.forEach(headerNode::put);
        node.put("status", status);
        node.put("timestamp_error", SimJson.time(timestampError));
        return node;
    }

    @Override
    public String toString() {
        return "SimulatedWebhook[id=" + id + ", eventType=" + eventType + ", status=" + status + "]";
    }
}
