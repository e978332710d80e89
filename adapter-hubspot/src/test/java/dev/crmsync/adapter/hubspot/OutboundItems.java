package dev.crmsync.adapter.hubspot;

import dev.crmsync.core.model.Activity;
import dev.crmsync.core.model.Command;
import dev.crmsync.core.model.Identity;
import dev.crmsync.core.model.SystemId;
import dev.crmsync.core.spi.OutboundItem;
import java.time.Instant;
import java.util.Map;

/** Test data for the writer: outbound items with sensible defaults, overriding only what a test cares about. */
final class OutboundItems {
    static final SystemId HUBSPOT = SystemId.of("hubspot");
    static final Instant OCCURRED_AT = Instant.parse("2026-03-02T09:15:30.250Z");

    private OutboundItems() {
    }

    static OutboundItem upsert(String email, Map<String, String> fields) {
        return new OutboundItem("upsert:" + email, new Command.Upsert(HUBSPOT, Identity.ofEmail(email), fields,
                OCCURRED_AT), 0);
    }

    static OutboundItem upsert(String email) {
        return upsert(email, Map.of("firstname", "Pat"));
    }

    static OutboundItem note(String email, String activityKey) {
        return activity(email, activityKey, "note");
    }

    static OutboundItem activity(String email, String activityKey, String kind) {
        Activity activity = new Activity(kind, activityKey, "Reply received", "Sounds good.\nLet's talk <Tuesday>.",
                OCCURRED_AT, Map.of("campaign", "c-1"));
        return new OutboundItem("activity:" + activityKey, new Command.AddActivity(HUBSPOT, Identity.ofEmail(email),
                activity), 0);
    }

    static OutboundItem retried(OutboundItem item) {
        return new OutboundItem(item.key(), item.command(), item.attempt() + 1);
    }
}
