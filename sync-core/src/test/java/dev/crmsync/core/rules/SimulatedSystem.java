package dev.crmsync.core.rules;

import dev.crmsync.core.model.CanonicalChange;
import dev.crmsync.core.model.Command;
import dev.crmsync.core.model.Identity;
import dev.crmsync.core.model.SystemId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Instantly or HubSpot in memory, for one person: holds fields, takes edits and upserts, and reports
 * every change the way its webhook would. HubSpot reports each changed property on its own; Instantly
 * reports an interest value change as its status event, and every event carries all custom variables.
 */
final class SimulatedSystem {
    static final String INTEREST = "interest_value";
    static final Map<String, String> STATUS_EVENTS = Map.of("1", "lead_interested", "2", "lead_meeting_booked");

    private final SystemId id;
    private final Identity who;
    private final Map<String, String> fields = new TreeMap<>();

    SimulatedSystem(SystemId id, Identity who) {
        this.id = id;
        this.who = who;
    }

    SystemId id() {
        return id;
    }

    Map<String, String> fields() {
        return Map.copyOf(fields);
    }

    /** A person changes a field in the system; the webhooks it sends (none when nothing changed). */
    List<CanonicalChange> edit(String field, String value, Instant at) {
        return apply(Map.of(field, value), at);
    }

    /** Our command arrives; the webhooks it causes. */
    List<CanonicalChange> apply(Command.Upsert upsert, Instant at) {
        return apply(upsert.fields(), at);
    }

    private List<CanonicalChange> apply(Map<String, String> values, Instant at) {
        Map<String, String> changed = new TreeMap<>();
        values.forEach((field, value) -> {
            if (!value.equals(fields.put(field, value))) {
                changed.put(field, value);
            }
        });
        List<CanonicalChange> webhooks = new ArrayList<>();
        if (id.value().equals("hubspot")) {
            changed.forEach((field, value) -> webhooks.add(CanonicalChange.of(id, who, "contact.propertyChange", at)
                    .withFields(Map.of(field, value))));
            return webhooks;
        }
        Map<String, String> custom = new TreeMap<>(fields);
        custom.remove(INTEREST);
        if (changed.containsKey(INTEREST)) {
            webhooks.add(CanonicalChange.of(id, who, STATUS_EVENTS.get(changed.get(INTEREST)), at).withFields(custom));
        }
        if (changed.keySet().stream().anyMatch(f -> !f.equals(INTEREST))) {
            webhooks.add(CanonicalChange.of(id, who, "lead_updated", at).withFields(custom));
        }
        return webhooks;
    }
}
