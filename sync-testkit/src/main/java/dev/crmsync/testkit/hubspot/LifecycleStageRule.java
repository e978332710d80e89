package dev.crmsync.testkit.hubspot;

import java.util.List;

/**
 * HubSpot's rule for {@code lifecyclestage} written through the API: it only moves forward in the
 * stage order. A backward value is accepted without error and ignored; clearing the stage with an
 * empty string first lets any stage be set afterwards (HubSpot contacts guide, "Update contacts").
 */
final class LifecycleStageRule {
    private LifecycleStageRule() {
    }

    /** The value to store, or {@code current} when {@code requested} would move the stage backward. */
    static String resolve(List<String> order, String current, String requested) {
        if (current == null || current.isEmpty() || requested.isEmpty()) {
            return requested;
        }
        int from = order.indexOf(current);
        int to = order.indexOf(requested);
        return from >= 0 && to >= 0 && to < from ? current : requested;
    }
}
