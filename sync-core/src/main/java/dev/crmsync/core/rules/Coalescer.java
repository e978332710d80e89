package dev.crmsync.core.rules;

import dev.crmsync.core.model.Command;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Merges pending commands so a target sees one write per person and field: upserts for the same
 * target and person become one, later values overriding earlier ones (commands are passed in the
 * order they were planned, which the guards made the order of observation); activities with the
 * same key become one. Pure and stateless.
 */
public final class Coalescer {

    /** A command waiting in the outbox, with the outbox's id. */
    public record Pending(long id, Command command) {
        public Pending {
            Objects.requireNonNull(command, "command");
        }
    }

    /** One command to send, standing for every outbox id in {@code ids}. */
    public record Coalesced(List<Long> ids, Command command) {
        public Coalesced {
            ids = List.copyOf(ids);
        }
    }

    private Coalescer() {
    }

    public static List<Coalesced> coalesce(List<Pending> pending) {
        Map<String, List<Pending>> groups = new LinkedHashMap<>();
        for (Pending p : pending) {
            Command c = p.command();
            String key = c.target() + "|" + c.kind() + "|" + c.who().email()
                    + (c instanceof Command.AddActivity a ? "|" + a.idempotencyKey() : "");
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(p);
        }
        List<Coalesced> result = new ArrayList<>(groups.size());
        for (List<Pending> group : groups.values()) {
            List<Long> ids = group.stream().map(Pending::id).toList();
            result.add(new Coalesced(ids, merge(group)));
        }
        return result;
    }

    private static Command merge(List<Pending> group) {
        Command first = group.get(0).command();
        if (!(first instanceof Command.Upsert) || group.size() == 1) {
            return first;
        }
        Map<String, String> fields = new LinkedHashMap<>();
        Set<String> clearFirst = new HashSet<>();
        Instant observedAt = Instant.MIN;
        for (Pending p : group) {
            Command.Upsert upsert = (Command.Upsert) p.command();
            fields.putAll(upsert.fields());
            // Once a field moved back, the merged value is still behind what the target held before.
            clearFirst.addAll(upsert.clearFirst());
            observedAt = upsert.observedAt().isAfter(observedAt) ? upsert.observedAt() : observedAt;
        }
        return new Command.Upsert(first.target(), first.who(), fields, observedAt, clearFirst);
    }
}
