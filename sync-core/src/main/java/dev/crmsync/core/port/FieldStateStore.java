package dev.crmsync.core.port;

import dev.crmsync.core.model.SystemId;
import java.util.Optional;

/**
 * Per system, record and field, the last applied {@link FieldState}.
 *
 * <p>The planner calls it on the worker's thread inside the worker's transaction, so a state it
 * writes commits or rolls back together with the commands it planned. The host serialises
 * planning per person, so implementations need no locking of their own.
 */
public interface FieldStateStore {

    /** The state of a field, empty when the engine never applied a value to it. */
    Optional<FieldState> get(SystemId system, String recordKey, String field);

    /** Replaces the state of a field. */
    void put(SystemId system, String recordKey, String field, FieldState state);
}
