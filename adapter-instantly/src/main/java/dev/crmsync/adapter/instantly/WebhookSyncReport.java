package dev.crmsync.adapter.instantly;

import java.util.List;

/**
 * What one {@link InstantlyWebhookSync#sync} run did, by Instantly subscription id.
 *
 * @param created   subscriptions created for event types that had none
 * @param updated   our subscriptions whose headers or name had drifted, now corrected
 * @param unchanged our subscriptions already as wanted
 * @param leftAlone every other subscription of the workspace, untouched
 */
public record WebhookSyncReport(List<String> created, List<String> updated, List<String> unchanged,
                                List<String> leftAlone) {
    public WebhookSyncReport {
        created = List.copyOf(created);
        updated = List.copyOf(updated);
        unchanged = List.copyOf(unchanged);
        leftAlone = List.copyOf(leftAlone);
    }

    /** True when the run created and updated nothing. */
    public boolean changedNothing() {
        return created.isEmpty() && updated.isEmpty();
    }
}
