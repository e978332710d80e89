package dev.crmsync.adapter.hubspot;

import dev.crmsync.core.model.Activity;
import java.util.Objects;

/**
 * A note or task to create for one outbound item.
 *
 * @param itemKey   the dispatcher's key of the item
 * @param contactId the HubSpot contact it is associated with
 * @param activity  what happened; its key is the idempotency key
 * @param mayExist  true when an earlier attempt may have created it, so HubSpot is searched first
 */
record EngagementRequest(String itemKey, String contactId, Activity activity, boolean mayExist) {

    EngagementRequest {
        Objects.requireNonNull(itemKey, "itemKey");
        Objects.requireNonNull(contactId, "contactId");
        Objects.requireNonNull(activity, "activity");
    }

    String activityKey() {
        return activity.key();
    }
}
