package dev.crmsync.core.port;

import dev.crmsync.core.model.SystemId;
import java.util.Optional;

/**
 * Per system, record and field, the last {@link FieldState}: for every system, sources included, so
 * the engine knows both what it wrote to a system and what that system reported of its own.
 *
 * <p>Besides the systems' real fields the engine keeps its own bookkeeping here, in fields whose name
 * starts with {@code _} (no mapping may name such a field): {@code _sent.<field>} (our writes to a field
 * not yet reported back, a JSON list of at most 16 entries), {@code _engagement.*} (the score and what
 * it counted) and {@code _bounce.*} (the soft-bounce run) of the scored and bouncing system. An
 * implementation stores them like any other field, values of a few kilobytes at most.
 *
 * <p>The planner calls it on the worker's thread inside the worker's transaction, so a state it
 * writes commits or rolls back together with the commands it planned. The host serialises planning
 * per person, so implementations need no locking of their own. Never returns null.
 */
public interface FieldStateStore {

    /** The state of a field, empty when the engine never applied or observed a value for it. */
    Optional<FieldState> get(SystemId system, String recordKey, String field);

    /** Replaces the state of a field. */
    void put(SystemId system, String recordKey, String field, FieldState state);
}
