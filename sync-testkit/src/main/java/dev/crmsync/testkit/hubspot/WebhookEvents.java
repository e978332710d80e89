package dev.crmsync.testkit.hubspot;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds webhook events in HubSpot's shape: {@code eventId}, {@code subscriptionId}, {@code portalId},
 * {@code appId}, {@code occurredAt} (epoch ms), {@code subscriptionType}, {@code attemptNumber},
 * {@code objectId}, then {@code propertyName}/{@code propertyValue} for property changes or
 * {@code changeFlag} for creations, then {@code changeSource} and {@code sourceId}. A write that
 * creates a contact gives a {@code contact.creation} and a {@code contact.propertyChange} per property
 * it set, the email among them; an update gives a property change per property whose value changed.
 */
final class WebhookEvents {
    private final AtomicLong nextEventId = new AtomicLong(3_400_000_001L);

    List<ObjectNode> contactWritten(WebhookSettings settings, CrmStore.Upserted write, ChangeSource source) {
        List<ObjectNode> events = new ArrayList<>();
        Instant at = write.contact().updatedAt();
        String email = write.contact().properties().get("email");
        if (write.created()) {
            ObjectNode creation = event(settings, "contact.creation", write.contact().id(), at);
            creation.put("changeFlag", "CREATED");
            events.add(finish(creation, source, settings.includeEmail() ? email : null));
        }
        for (Map.Entry<String, String> change : write.changed().entrySet()) {
            events.add(propertyChange(settings, "contact", write.contact().id(), change, at, source,
                    settings.includeEmail() ? email : null));
        }
        return events;
    }

    ObjectNode contactDeleted(WebhookSettings settings, CrmRecord contact, Instant at, ChangeSource source) {
        return finish(event(settings, "contact.deletion", contact.id(), at), source,
                settings.includeEmail() ? contact.properties().get("email") : null);
    }

    List<ObjectNode> dealEdited(WebhookSettings settings, DealStore.Edited edit, ChangeSource source) {
        List<ObjectNode> events = new ArrayList<>();
        for (Map.Entry<String, String> change : edit.changed().entrySet()) {
            events.add(propertyChange(settings, "deal", edit.deal().id(), change, edit.deal().updatedAt(), source,
                    null));
        }
        return events;
    }

    private ObjectNode propertyChange(WebhookSettings settings, String objectType, String objectId,
                                      Map.Entry<String, String> change, Instant at, ChangeSource source,
                                      String emailOrNull) {
        ObjectNode event = event(settings, objectType + ".propertyChange", objectId, at);
        event.put("propertyName", change.getKey());
        event.put("propertyValue", change.getValue());
        return finish(event, source, emailOrNull);
    }

    private ObjectNode event(WebhookSettings settings, String type, String objectId, Instant at) {
        ObjectNode event = SimJson.object();
        event.put("eventId", nextEventId.getAndIncrement());
        event.put("subscriptionId", subscriptionId(type));
        event.put("portalId", settings.portalId());
        event.put("appId", settings.appId());
        event.put("occurredAt", at.toEpochMilli());
        event.put("subscriptionType", type);
        event.put("attemptNumber", 0);
        event.put("objectId", Long.parseLong(objectId));
        return event;
    }

    private static ObjectNode finish(ObjectNode event, ChangeSource source, String emailOrNull) {
        event.put("changeSource", source.changeSource());
        event.put("sourceId", source.sourceId());
        if (emailOrNull != null) {
            event.put("email", emailOrNull);
        }
        return event;
    }

    // One subscription per type, with a stable id, as an app configured once would have.
    private static long subscriptionId(String type) {
        return 1_000_000L + Math.floorMod(type.hashCode(), 1_000_000);
    }
}
