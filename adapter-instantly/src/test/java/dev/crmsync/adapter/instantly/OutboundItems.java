package dev.crmsync.adapter.instantly;

import dev.crmsync.core.model.Activity;
import dev.crmsync.core.model.Command;
import dev.crmsync.core.model.Identity;
import dev.crmsync.core.model.SystemId;
import dev.crmsync.core.spi.OutboundItem;
import java.time.Instant;
import java.util.Map;

/** Test data for the writer: outbound items for target {@code instantly}, overriding only what a test cares about. */
final class OutboundItems {
    static final SystemId INSTANTLY = SystemId.of("instantly");
    static final Instant OBSERVED_AT = Instant.parse("2026-03-02T09:15:30.250Z");

    private OutboundItems() {
    }

    static OutboundItem upsert(String email, Map<String, String> fields) {
        return new OutboundItem("upsert:" + email, new Command.Upsert(INSTANTLY, Identity.ofEmail(email), fields,
                OBSERVED_AT), 0);
    }

    static OutboundItem interest(String email, int value) {
        return upsert(email, Map.of("interest_value", String.valueOf(value)));
    }

    static OutboundItem blocklisted(String email) {
        return upsert(email, Map.of("blocklisted", "true"));
    }

    static OutboundItem stopped(String email) {
        return upsert(email, Map.of("sequence", "stopped"));
    }

    static OutboundItem note(String email) {
        Activity activity = new Activity("note", "instantly-reply:1", "Reply received", "Sounds good.", OBSERVED_AT,
                Map.of());
        return new OutboundItem("activity:" + email, new Command.AddActivity(INSTANTLY, Identity.ofEmail(email),
                activity), 0);
    }
}
