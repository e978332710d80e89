package dev.crmsync.core.guard;

import dev.crmsync.core.mapping.ConflictRule;
import dev.crmsync.core.mapping.FieldRule;
import dev.crmsync.core.model.Decision;
import dev.crmsync.core.model.SystemId;
import dev.crmsync.core.port.FieldState;
import dev.crmsync.core.port.FieldStateStore;
import java.time.Instant;
import java.util.Optional;

/**
 * Decides whether one value may be written to one field of one record, and records it when it
 * may. The guards that read the field's state live in one place:
 * <ul>
 *   <li>echo: the field already holds the value, so writing it would change nothing;</li>
 *   <li>field order (forward-only fields): a value behind the current stage is never written,
 *       whatever its time (max-rank), unless the mapping asks for backward moves: then a newer value
 *       behind it is written (and an older one is stale);</li>
 *   <li>conflict (fields of an ownership group, when the current value came from another system):
 *       the group's rule chooses, by priority or by the latest observation;</li>
 *   <li>ordering (latest-wins fields): a value observed before the applied one never overwrites it.</li>
 * </ul>
 * Either way the outcome does not depend on the order changes arrive in. The recorded state is what
 * the engine intends the target to hold from now on, written at planning time, before the command is
 * sent: that is what lets the echo of the write be recognised even if it arrives first.
 */
public final class FieldGuard {
    private final FieldStateStore states;

    public FieldGuard(FieldStateStore states) {
        this.states = states;
    }

    /** As {@link #check(SystemId, String, String, String, SystemId, Instant, Optional, Optional)} with no conflict rule. */
    public Decision check(SystemId target, String recordKey, String field, String value, SystemId source,
                          Instant observedAt, Optional<FieldRule> rule) {
        return check(target, recordKey, field, value, source, observedAt, rule, Optional.empty());
    }

    /**
     * @param conflict the field's group rule; empty for a field outside any group (latest-wins, no conflict)
     * @return {@link Decision.Applied} or a {@link Decision.ConflictResolved} won by {@code value} when
     *         the value should be written (its state is then recorded), otherwise the skip with its reason
     */
    public Decision check(SystemId target, String recordKey, String field, String value, SystemId source,
                          Instant observedAt, Optional<FieldRule> rule, Optional<ConflictRule> conflict) {
        Optional<FieldState> current = states.get(target, recordKey, field);
        if (current.isEmpty()) {
            return apply(target, recordKey, field, value, source, observedAt, observedAt);
        }
        FieldState state = current.get();
        if (state.value().equals(value)) {
            if (observedAt.isAfter(state.observedAt())) {
                // A newer observation of the same value still moves the field's clock, so an
                // older, different value arriving later is recognised as stale.
                states.put(target, recordKey, field, new FieldState(value, state.source(), observedAt));
            }
            return new Decision.SkippedEcho(target, field,
                    "already '" + value + "' (set from " + state.source() + "); nothing to write");
        }
        Instant clock = later(state.observedAt(), observedAt);
        boolean backward = rule.isPresent() && rule.get().isForwardOnly()
                && rule.get().rank(value) < rule.get().rank(state.value());
        if (backward && !rule.get().clearsToMoveBack()) {
            return new Decision.SkippedBackward(target, field, "'" + value + "' is behind the current '"
                    + state.value() + "' and " + field + " only moves forward");
        }
        boolean contested = conflict.isPresent() && !state.source().equals(source);
        if (contested && conflict.get() instanceof ConflictRule.Priority priority) {
            int theirs = priority.rank(state.source());
            int ours = priority.rank(source);
            if (theirs < ours) {
                return new Decision.ConflictResolved(target, field, state.value(),
                        state.source() + " wins by priority over " + source + "; the current value stays");
            }
            if (ours < theirs) {
                // The winner's own time becomes the field's clock: the loser's later time must not make
                // the winner's next, older-than-that observation look stale.
                apply(target, recordKey, field, value, source, observedAt, observedAt);
                return new Decision.ConflictResolved(target, field, value,
                        source + " wins by priority over " + state.source());
            }
        }
        if (rule.isPresent() && rule.get().isForwardOnly() && !backward) {
            return apply(target, recordKey, field, value, source, observedAt, clock);
        }
        // A backward move the mapping asks for is latest-wins: only a newer value moves the field back.
        if (isStale(observedAt, value, state)) {
            if (contested) {
                return new Decision.ConflictResolved(target, field, state.value(), "latest observation wins: "
                        + state.observedAt() + " from " + state.source() + " after " + observedAt + " from " + source
                        + "; the current value stays");
            }
            return new Decision.SkippedStale(target, field, "observed at " + observedAt
                    + ", but the applied value was observed at " + state.observedAt());
        }
        Decision applied = apply(target, recordKey, field, value, source, observedAt, clock);
        return contested ? new Decision.ConflictResolved(target, field, value, "latest observation wins: "
                + observedAt + " from " + source + " after " + state.observedAt() + " from " + state.source())
                : applied;
    }

    /** Whether a decision of {@link #check} means {@code value} is to be written. */
    public static boolean writes(Decision decision, String value) {
        return decision instanceof Decision.Applied
                || decision instanceof Decision.ConflictResolved resolved && resolved.value().equals(value);
    }

    private Decision apply(SystemId target, String recordKey, String field, String value, SystemId source,
                           Instant observedAt, Instant clock) {
        states.put(target, recordKey, field, new FieldState(value, source, clock));
        return new Decision.Applied(target, field, value, "from " + source + " observed at " + observedAt);
    }

    /** Older loses; at the same instant the larger value wins, so ties resolve the same way in any order. */
    static boolean isStale(Instant observedAt, String value, FieldState current) {
        if (observedAt.isBefore(current.observedAt())) {
            return true;
        }
        return observedAt.equals(current.observedAt()) && value.compareTo(current.value()) < 0;
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
