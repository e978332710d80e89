package dev.crmsync.service.persistence;

import dev.crmsync.core.model.IsoInstant;
import dev.crmsync.core.model.SystemId;
import dev.crmsync.core.port.FieldState;
import dev.crmsync.core.port.FieldStateStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The field state of the people in one worker batch, loaded in one query after their locks are
 * held, planned against in memory, and written back in one statement before commit. Each event's
 * writes go to an overlay first, so an event that fails leaves no trace in the state.
 */
public final class BatchFieldStateStore implements FieldStateStore {
    private final Map<Key, FieldState> base = new HashMap<>();
    private final Map<Key, FieldState> dirty = new HashMap<>();
    private final Map<Key, FieldState> overlay = new HashMap<>();
    /** The keys that had a row when loaded or flushed: written as plain updates (heap-only, see V10), the rest as inserts. */
    private final Set<Key> stored = new HashSet<>();

    /**
     * Written-out equals and hashCode: a record's generated ones go through method handles, which showed as a
     * tenth of the workers' CPU samples in the drain bench (this map is probed for every field of every event).
     */
    private record Key(String system, String recordKey, String field) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && field.equals(k.field) && recordKey.equals(k.recordKey) && system.equals(k.system);
        }

        @Override
        public int hashCode() {
            return (recordKey.hashCode() * 31 + field.hashCode()) * 31 + system.hashCode();
        }
    }

    public static BatchFieldStateStore load(JdbcTemplate jdbc, List<String> recordKeys) {
        BatchFieldStateStore store = new BatchFieldStateStore();
        if (recordKeys.isEmpty()) {
            return store;
        }
        jdbc.query("select system, record_key, field, value, source, observed_at from field_state "
                        + "where record_key = any(?)",
                rs -> {
                    Key key = new Key(rs.getString(1), rs.getString(2), rs.getString(3));
                    store.base.put(key, new FieldState(rs.getString(4), SystemId.of(rs.getString(5)),
                            rs.getTimestamp(6).toInstant()));
                    store.stored.add(key);
                },
                (Object) recordKeys.toArray(String[]::new));
        return store;
    }

    @Override
    public Optional<FieldState> get(SystemId system, String recordKey, String field) {
        Key key = new Key(system.value(), recordKey, field);
        FieldState state = overlay.get(key);
        return Optional.ofNullable(state != null ? state : base.get(key));
    }

    @Override
    public void put(SystemId system, String recordKey, String field, FieldState state) {
        overlay.put(new Key(system.value(), recordKey, field), state);
    }

    /** Keeps the current event's writes. */
    public void keep() {
        base.putAll(overlay);
        dirty.putAll(overlay);
        overlay.clear();
    }

    /** Forgets the current event's writes. */
    public void discard() {
        overlay.clear();
    }

    /** Writes every kept change, in the caller's transaction. */
    public void flush(JdbcTemplate jdbc) {
        if (dirty.isEmpty()) {
            return;
        }
        List<Object[]> updates = new ArrayList<>();
        List<Object[]> inserts = new ArrayList<>();
        dirty.forEach((k, s) -> (stored.contains(k) ? updates : inserts).add(new Object[]{k.system(), k.recordKey(),
                k.field(), s.value(), s.source().value(), IsoInstant.format(s.observedAt())}));
        Class<?>[] types = {String.class, String.class, String.class, String.class, String.class, String.class};
        String rows = "unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::timestamptz[]) "
                + "as s(system, record_key, field, value, source, observed_at)";
        // Rows loaded with the batch are updated in place; new ones are inserted, and an update that found its
        // row gone is written again as an insert: nothing is lost whatever happened to the row meanwhile.
        if (!updates.isEmpty() && jdbc.update("update field_state f set value = s.value, source = s.source, "
                + "observed_at = s.observed_at, updated_at = now() from " + rows + " where f.record_key = s.record_key "
                + "and f.system = s.system and f.field = s.field", Columns.of(updates, types)) < updates.size()) {
            inserts.addAll(updates);
        }
        if (!inserts.isEmpty()) {
            jdbc.update("insert into field_state (system, record_key, field, value, source, observed_at, updated_at) "
                    + "select system, record_key, field, value, source, observed_at, now() from " + rows + " "
                    + "on conflict (system, record_key, field) do update set value = excluded.value, "
                    + "source = excluded.source, observed_at = excluded.observed_at, updated_at = now()",
                    Columns.of(inserts, types));
            dirty.keySet().forEach(stored::add);
        }
        dirty.clear();
    }
}
