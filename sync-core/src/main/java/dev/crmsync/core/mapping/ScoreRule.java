package dev.crmsync.core.mapping;

import dev.crmsync.core.model.CanonicalChange;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * When a change counts as one {@link ScoreKind} and how many points it is worth.
 *
 * @param trigger  the events (and conditions) that count; empty when only {@code statuses} say so
 * @param statuses canonical status names that count when the change has that status
 * @param points   added to the score, negative to subtract
 */
public record ScoreRule(ScoreKind kind, Optional<Trigger> trigger, List<String> statuses, int points) {

    public ScoreRule {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(trigger, "trigger");
        statuses = List.copyOf(statuses);
        if (trigger.isEmpty() && statuses.isEmpty()) {
            throw new IllegalArgumentException("score rule '" + kind.key() + "' needs events, conditions or statuses");
        }
    }

    public boolean matches(CanonicalChange change, Optional<StatusRule> status) {
        return trigger.map(t -> t.matches(change)).orElse(false)
                || status.map(s -> statuses.contains(s.name())).orElse(false);
    }
}
