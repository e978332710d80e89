package dev.crmsync.service.persistence;

import dev.crmsync.core.model.SystemId;
import dev.crmsync.core.port.FieldState;
import dev.crmsync.core.port.FieldStateStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    private record Key(String system, String recordKey, String field) {
    }

    public static BatchFieldStateStore load(JdbcTemplate jdbc, List<String> recordKeys) {
        BatchFieldStateStore store = new BatchFieldStateStore();
        if (recordKeys.isEmpty()) {
            return store;
        }
        jdbc.query("select system, record_key, field, value, source, observed_at from field_state "
                        + "where record_key = any(?)",
                rs -> {
                    store.base.put(new Key(rs.getString(1), rs.getString(2), rs.getString(3)),
                            new FieldState(rs.getString(4), SystemId.of(rs.getString(5)),
                                    rs.getTimestamp(6).toInstant()));
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
        List<Object[]> rows = new ArrayList<>(dirty.size());
        dirty.forEach((k, s) -> rows.add(new Object[]{k.system(), k.recordKey(), k.field(), s.value(),
                s.source().value(), s.observedAt().toString()}));
        jdbc.update("insert into field_state (system, record_key, field, value, source, observed_at, updated_at) "
                        + "select system, record_key, field, value, source, observed_at, now() "
                        + "from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::timestamptz[]) "
                        + "as s(system, record_key, field, value, source, observed_at) "
                        + "on conflict (system, record_key, field) do update set value = excluded.value, "
                        + "source = excluded.source, observed_at = excluded.observed_at, updated_at = now()",
                Columns.of(rows, String.class, String.class, String.class, String.class, String.class, String.class));
        dirty.clear();
    }
}
