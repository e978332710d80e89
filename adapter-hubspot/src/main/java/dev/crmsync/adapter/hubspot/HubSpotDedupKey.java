package dev.crmsync.adapter.hubspot;

import dev.crmsync.core.model.Fingerprint;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The dedup key of one HubSpot event. HubSpot says {@code eventId} "is not guaranteed to be unique",
 * so the key is derived from what identifies the change:
 * <pre>
 * "hubspot:" + sha256hex(utf8(compact JSON array of
 *     [subscriptionType, objectId, propertyName, propertyValue, occurredAt, portalId]))
 * </pre>
 * each as sent (numbers as their digits), {@code null} for a field the event lacks. An event without
 * {@code objectId} or {@code occurredAt} (association changes name two objects instead) gets a
 * seventh element, {@code "body-sha256:" + sha256hex} of the event without {@code eventId} and
 * {@code attemptNumber}, so distinct events are not merged. {@code attemptNumber} is never part of
 * the key: every delivery of one event gets one key.
 */
final class HubSpotDedupKey {
    static final String PREFIX = "hubspot:";

    private HubSpotDedupKey() {
    }

    static String of(JsonMapper mapper, HubSpotEvent event) {
        List<String> parts = new ArrayList<>(7);
        parts.add(event.subscriptionType().orElse(null));
        parts.add(event.objectId().orElse(null));
        parts.add(event.propertyName().orElse(null));
        parts.add(event.propertyValue().orElse(null));
        parts.add(event.text("occurredAt").orElse(null));
        parts.add(event.text("portalId").orElse(null));
        if (event.objectId().isEmpty() || event.text("occurredAt").isEmpty()) {
            ObjectNode body = event.json().deepCopy();
            body.remove("eventId");
            body.remove("attemptNumber");
            parts.add("body-sha256:" + Fingerprint.sha256Hex(mapper.writeValueAsString(body)));
        }
        return PREFIX + Fingerprint.sha256HexOfJsonArray(parts.toArray(String[]::new));
    }
}
