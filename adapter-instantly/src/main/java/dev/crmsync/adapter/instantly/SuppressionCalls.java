package dev.crmsync.adapter.instantly;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The two ways a write keeps Instantly from e-mailing someone: the workspace block list, and taking
 * the lead out of its active campaigns ("sequence stopped"). Both go in bulk where Instantly allows;
 * when it refuses a bulk call, the items are retried one by one so only the bad one fails.
 */
final class SuppressionCalls {
    private final WriteRun run;
    private final Optional<String> stoppedListId;

    SuppressionCalls(WriteRun run, Optional<String> stoppedListId) {
        this.run = run;
        this.stoppedListId = stoppedListId;
    }

    /** One {@code block-lists-entries/bulk-create} for every item's e-mail. */
    void blockAll(List<WriteItem> items) {
        if (items.isEmpty()) {
            return;
        }
        List<String> emails = items.stream().map(WriteItem::email).distinct().toList();
        if (items.size() == 1) {
            run.call(items, () -> run.api().addToBlockList(emails));
        } else if (run.bulk(items, () -> run.api().addToBlockList(emails)) == WriteRun.Result.REFUSED) {
            for (WriteItem item : items) {
                run.call(List.of(item), () -> run.api().addToBlockList(List.of(item.email())));
            }
        }
    }

    /**
     * Takes every item's active lead records out of their campaigns: into the stopped-leads list when
     * one is configured (one {@code leads/move}), else by deleting each record. A person with no
     * active record is done already.
     */
    void stopAll(List<WriteItem> items, Map<String, List<InstantlyLead>> leadsByEmail) {
        Map<WriteItem, List<String>> active = new LinkedHashMap<>();
        for (WriteItem item : items) {
            List<String> ids = leadsByEmail.getOrDefault(item.email(), List.of()).stream()
                    .filter(InstantlyLead::isInActiveCampaign).map(InstantlyLead::id).toList();
            if (ids.isEmpty()) {
                item.did("no active campaign to leave");
            } else {
                active.put(item, ids);
            }
        }
        if (active.isEmpty()) {
            return;
        }
        if (stoppedListId.isPresent()) {
            moveAll(active, stoppedListId.get());
        } else {
            active.forEach((item, ids) -> ids.forEach(id -> run.call(List.of(item), () -> run.api().deleteLead(id))));
        }
    }

    private void moveAll(Map<WriteItem, List<String>> active, String listId) {
        List<String> all = new ArrayList<>();
        active.values().forEach(all::addAll);
        if (active.size() == 1) {
            run.call(active.keySet(), () -> run.api().moveLeadsToList(all, listId));
        } else if (run.bulk(active.keySet(), () -> run.api().moveLeadsToList(all, listId)) == WriteRun.Result.REFUSED) {
            active.forEach((item, ids) -> run.call(List.of(item), () -> run.api().moveLeadsToList(ids, listId)));
        }
    }
}
