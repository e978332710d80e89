package dev.crmsync.core.rules;

import dev.crmsync.core.model.SystemId;
import dev.crmsync.core.port.FieldState;
import dev.crmsync.core.port.FieldStateStore;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** An in-memory field state store that can show its visible state: every field but the engine's hidden ({@code _}) ones. */
final class SnapshotFieldStateStore implements FieldStateStore {
    private final Map<String, FieldState> states = new TreeMap<>();

    @Override
    public Optional<FieldState> get(SystemId system, String recordKey, String field) {
        return Optional.ofNullable(states.get(system + "|" + recordKey + "|" + field));
    }

    @Override
    public void put(SystemId system, String recordKey, String field, FieldState state) {
        states.put(system + "|" + recordKey + "|" + field, state);
    }

    /** {@code system|record|field} to value, hidden fields left out. */
    Map<String, String> visibleValues() {
        Map<String, String> values = new TreeMap<>();
        states.forEach((key, state) -> {
            if (!key.substring(key.lastIndexOf('|') + 1).startsWith("_")) {
                values.put(key, state.value());
            }
        });
        return values;
    }
}
