package dev.crmsync.core.guard;

import dev.crmsync.core.model.IsoInstant;
import dev.crmsync.core.model.SystemId;
import dev.crmsync.core.port.FieldState;
import dev.crmsync.core.port.FieldStateStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The values the engine planned to write to one field of one system, kept in the hidden field
 * {@code _sent.<field>} of that system (a small JSON list) until they are reported back. More than one
 * write can be in flight, the same value more than once (a status flapping 1, 2, 1); each report
 * matches the oldest unseen entry of its value and marks it seen with the report's time, so a
 * replay of that report (same time) matches the same entry again and is classified the same. Only
 * the latest seen entry is kept, and it is dropped once the system reports a value of its own.
 *
 * <p>Each entry also keeps the value the write replaces. A system that reports a snapshot of all its
 * fields (Instantly sends every custom variable with every event) may report that old value after
 * we planned the write and before it landed: that report is stale, not a change.
 *
 * <p>Entries older than {@link #WINDOW} (by observation time, never the wall clock) are dropped, so a
 * write whose echo never came cannot swallow a real change much later; at most {@link #LIMIT} are kept.
 */
final class SentWrites {
    static final String PREFIX = "_sent.";
    static final Duration WINDOW = Duration.ofHours(24);
    static final int LIMIT = 16;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * One write: its value, the value it replaces ({@code null} when unknown), its origin and time, and
     * the time of the report that brought it back ({@code null} while in flight).
     */
    record Entry(String value, String replaces, SystemId origin, Instant at, Instant seenAt) {
        boolean seen() {
            return seenAt != null;
        }
    }

    private final FieldStateStore states;
    /** Lists read so far, by their stored text (a planner lives for one batch; the cap guards longer uses). */
    private final Map<String, List<Entry>> parsed = new HashMap<>();

    SentWrites(FieldStateStore states) {
        this.states = states;
    }

    void record(SystemId system, String recordKey, String field, String value, String replaces, SystemId origin,
                Instant at) {
        List<Entry> entries = live(system, recordKey, field, at);
        entries.add(new Entry(value, replaces, origin, at, null));
        while (entries.size() > LIMIT) {
            entries.remove(0);
        }
        write(system, recordKey, field, entries, at);
    }

    /**
     * The entry {@code value} is the echo of: for a replay of a report (same value, same time) the entry
     * it matched; else the oldest in-flight entry of the value, now marked seen; else the latest seen one.
     */
    Optional<Entry> match(SystemId system, String recordKey, String field, String value, Instant observedAt) {
        List<Entry> entries = live(system, recordKey, field, observedAt);
        Optional<Entry> replay = entries.stream()
                .filter(e -> e.seen() && e.value().equals(value) && e.seenAt().equals(observedAt)).findFirst();
        if (replay.isPresent()) {
            return replay;
        }
        for (int i = 0; i < entries.size(); i++) {
            Entry entry = entries.get(i);
            if (!entry.seen() && entry.value().equals(value)) {
                // The system has moved on to this value: an echo seen earlier is history now.
                List<Entry> kept = new ArrayList<>();
                for (int j = 0; j < entries.size(); j++) {
                    if (j == i) {
                        kept.add(new Entry(entry.value(), entry.replaces(), entry.origin(), entry.at(), observedAt));
                    } else if (!entries.get(j).seen()) {
                        kept.add(entries.get(j));
                    }
                }
                write(system, recordKey, field, kept, observedAt);
                return Optional.of(entry);
            }
        }
        return entries.stream().filter(e -> e.seen() && e.value().equals(value)).findFirst();
    }

    /** The system reported a value of its own: the writes it already reported back are done with. */
    void forgetSeen(SystemId system, String recordKey, String field, Instant observedAt) {
        List<Entry> entries = live(system, recordKey, field, observedAt);
        if (entries.removeIf(Entry::seen)) {
            write(system, recordKey, field, entries, observedAt);
        }
    }

    /** Whether any write to the field has not come back yet. */
    boolean isAnyInFlight(SystemId system, String recordKey, String field, Instant observedAt) {
        return live(system, recordKey, field, observedAt).stream().anyMatch(e -> !e.seen());
    }

    /** Whether {@code value} is what a write still in flight replaces: the system's state from before that write. */
    boolean isReplacedByWriteInFlight(SystemId system, String recordKey, String field, String value, Instant observedAt) {
        return live(system, recordKey, field, observedAt).stream().anyMatch(e -> !e.seen() && value.equals(e.replaces()));
    }

    private List<Entry> live(SystemId system, String recordKey, String field, Instant now) {
        List<Entry> entries = new ArrayList<>();
        states.get(system, recordKey, PREFIX + field).ifPresent(state -> entries.addAll(parsed(state.value())));
        entries.removeIf(e -> e.at().isBefore(now.minus(WINDOW)));
        return entries;
    }

    /** The entries a stored list holds; one change is checked several times, so each list is read once. */
    private List<Entry> parsed(String stored) {
        if (parsed.size() >= 4096) {
            parsed.clear();
        }
        return parsed.computeIfAbsent(stored, json -> {
            List<Entry> entries = new ArrayList<>();
            for (JsonNode node : JSON.readTree(json).values()) {
                JsonNode replaces = node.get("replaces");
                entries.add(new Entry(node.get("value").asString(), replaces == null ? null : replaces.asString(),
                        SystemId.of(node.get("from").asString()), IsoInstant.parse(node.get("at").asString()),
                        node.hasNonNull("seen") ? IsoInstant.parse(node.get("seen").asString()) : null));
            }
            return List.copyOf(entries);
        });
    }

    private void write(SystemId system, String recordKey, String field, List<Entry> entries, Instant at) {
        ArrayNode list = JSON.createArrayNode();
        Instant latest = at;
        for (Entry entry : entries) {
            ObjectNode item = list.addObject().put("value", entry.value());
            if (entry.replaces() != null) {
                item.put("replaces", entry.replaces());
            }
            item.put("from", entry.origin().value()).put("at", IsoInstant.format(entry.at()));
            if (entry.seen()) {
                item.put("seen", IsoInstant.format(entry.seenAt()));
            }
            latest = entry.at().isAfter(latest) ? entry.at() : latest;
        }
        SystemId source = entries.isEmpty() ? system : entries.get(entries.size() - 1).origin();
        states.put(system, recordKey, PREFIX + field, new FieldState(JSON.writeValueAsString(list), source, latest));
    }
}
