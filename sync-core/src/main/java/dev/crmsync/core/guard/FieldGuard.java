package dev.crmsync.core.guard;

import dev.crmsync.core.mapping.FieldRule;
import dev.crmsync.core.model.Decision;
import dev.crmsync.core.model.SystemId;
import dev.crmsync.core.port.FieldState;
import dev.crmsync.core.port.FieldStateStore;
import java.time.Instant;
import java.util.Optional;

/**
 * Decides whether one value may be written to one field of one record, and records it when it
 * may. Three guards in one place because they read the same state:
 * <ul>
 *   <li>echo: the field already holds the value, so writing it would change nothing;</li>
 *   <li>ordering (latest-wins fields): a value observed before the applied one never overwrites it;</li>
 *   <li>field order (forward-only fields): a value behind the current stage is never written.</li>
 * </ul>
 * Either way the outcome does not depend on the order changes arrive in.
 */
public final class FieldGuard {
    private final FieldStateStore states;

    public FieldGuard(FieldStateStore states) {
        this.states = states;
    }

    /**
     * @return {@link Decision.Applied} when the value should be written (its state is then
     *         recorded), otherwise the skip with its reason
     */
    public Decision check(SystemId target, String recordKey, String field, String value, SystemId source,
                          Instant observedAt, Optional<FieldRule> rule) {
        Optional<FieldState> current = states.get(target, recordKey, field);
        if (current.isPresent() && current.get().value().equals(value)) {
            FieldState state = current.get();
            if (observedAt.isAfter(state.observedAt())) {
                // A newer observation of the same value still moves the field's clock, so an
                // older, different value arriving later is recognised as stale.
                states.put(target, recordKey, field, new FieldState(value, state.source(), observedAt));
            }
            return new Decision.SkippedEcho(target, field,
                    "already '" + value + "' (set from " + state.source() + "); nothing to write");
        }
        if (rule.isPresent() && rule.get().isForwardOnly() && current.isPresent()) {
            int now = rule.get().rank(current.get().value());
            int next = rule.get().rank(value);
            if (next < now) {
                return new Decision.SkippedBackward(target, field, "'" + value + "' is behind the current '"
                        + current.get().value() + "' and " + field + " only moves forward");
            }
        } else if (current.isPresent() && isStale(observedAt, value, current.get())) {
            return new Decision.SkippedStale(target, field, "observed at " + observedAt
                    + ", but the applied value was observed at " + current.get().observedAt());
        }
        Instant clock = current.map(s -> s.observedAt().isAfter(observedAt) ? s.observedAt() : observedAt)
                .orElse(observedAt);
        states.put(target, recordKey, field, new FieldState(value, source, clock));
        return new Decision.Applied(target, field, value, "from " + source + " observed at " + observedAt);
    }

    /** Older loses; at the same instant the larger value wins, so ties resolve the same way in any order. */
    private static boolean isStale(Instant observedAt, String value, FieldState current) {
        if (observedAt.isBefore(current.observedAt())) {
            return true;
        }
        return observedAt.equals(current.observedAt()) && value.compareTo(current.value()) < 0;
    }
}
