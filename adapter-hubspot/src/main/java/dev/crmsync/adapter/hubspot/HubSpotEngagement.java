package dev.crmsync.adapter.hubspot;

import dev.crmsync.core.model.Activity;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The HubSpot objects an {@link Activity} becomes, by its kind: a {@code note} (notes guide: association
 * type 202 to a contact) or a {@code task} (tasks guide: association type 204; {@code hs_timestamp} is the
 * due date, so a meeting-booked task is due when the meeting was booked). Both carry the activity's
 * idempotency key in {@value #KEY_PROPERTY}.
 */
enum HubSpotEngagement {
    NOTE("notes", 202, "n"),
    TASK("tasks", 204, "t");

    static final String KEY_PROPERTY = "sync_activity_key";

    private final String objectType;
    private final int toContactType;
    private final String tracePrefix;

    HubSpotEngagement(String objectType, int toContactType, String tracePrefix) {
        this.objectType = objectType;
        this.toContactType = toContactType;
        this.tracePrefix = tracePrefix;
    }

    /** The engagement for an activity kind ({@code note}, {@code task}, any case); empty for anything else. */
    static Optional<HubSpotEngagement> of(String kind) {
        return switch (kind.toLowerCase(Locale.ROOT)) {
            case "note" -> Optional.of(NOTE);
            case "task" -> Optional.of(TASK);
            default -> Optional.empty();
        };
    }

    /** The object type in API paths: {@code notes}, {@code tasks}. */
    String objectType() {
        return objectType;
    }

    int toContactType() {
        return toContactType;
    }

    /** Our {@code objectWriteTraceId} prefix for this object's inputs: {@code n<i>} for notes, {@code t<i>} for tasks. */
    String tracePrefix() {
        return tracePrefix;
    }

    String createOperation() {
        return objectType + "/batch/create";
    }

    String searchOperation() {
        return objectType + "/search";
    }

    /** The properties HubSpot stores for the activity. */
    Map<String, String> properties(Activity activity) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("hs_timestamp", String.valueOf(activity.occurredAt().toEpochMilli()));
        if (this == NOTE) {
            properties.put("hs_note_body", NoteBody.of(activity));
        } else {
            properties.put("hs_task_subject", activity.subject().isBlank() ? "Follow up" : activity.subject());
            properties.put("hs_task_body", NoteBody.text(activity.body()));
            properties.put("hs_task_status", "NOT_STARTED");
            properties.put("hs_task_priority", "HIGH");
            properties.put("hs_task_type", "TODO");
        }
        properties.put(KEY_PROPERTY, activity.key());
        return properties;
    }
}
