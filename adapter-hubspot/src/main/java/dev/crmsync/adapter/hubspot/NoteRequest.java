package dev.crmsync.adapter.hubspot;

import dev.crmsync.core.model.Activity;
import java.util.Objects;

/**
 * A note to create for one outbound item.
 *
 * @param itemKey   the dispatcher's key of the item
 * @param contactId the HubSpot contact the note is associated with
 * @param activity  what happened; its key is the note's idempotency key
 * @param mayExist  true when an earlier attempt may have created it, so HubSpot is searched first
 */
record NoteRequest(String itemKey, String contactId, Activity activity, boolean mayExist) {

    NoteRequest {
        Objects.requireNonNull(itemKey, "itemKey");
        Objects.requireNonNull(contactId, "contactId");
        Objects.requireNonNull(activity, "activity");
    }

    String activityKey() {
        return activity.key();
    }
}
