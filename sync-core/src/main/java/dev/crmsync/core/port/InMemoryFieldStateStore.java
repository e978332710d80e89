package dev.crmsync.core.port;

import dev.crmsync.core.model.SystemId;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link FieldStateStore} in a map, for tests, simulations and dry runs. */
public final class InMemoryFieldStateStore implements FieldStateStore {
    private final Map<String, FieldState> states = new ConcurrentHashMap<>();

    @Override
    public Optional<FieldState> get(SystemId system, String recordKey, String field) {
        return Optional.ofNullable(states.get(key(system, recordKey, field)));
    }

    @Override
    public void put(SystemId system, String recordKey, String field, FieldState state) {
        states.put(key(system, recordKey, field), state);
    }

    private static String key(SystemId system, String recordKey, String field) {
        return system + "\u0000" + recordKey + "\u0000" + field;
    }
}
