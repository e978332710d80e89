package dev.crmsync.core.rules;

import dev.crmsync.core.guard.EchoGuard;
import dev.crmsync.core.guard.FieldGuard;
import dev.crmsync.core.mapping.ConflictRule;
import dev.crmsync.core.mapping.FieldRule;
import dev.crmsync.core.mapping.Mapping;
import dev.crmsync.core.model.Decision;
import dev.crmsync.core.model.SystemId;
import dev.crmsync.core.port.FieldState;
import dev.crmsync.core.port.FieldStateStore;
import java.time.Instant;
import java.util.Optional;

/**
 * The one way a field write enters a plan: ownership first (unless the rule is exempt), then the
 * field guard with the group's conflict rule; a write that passes is added to the target's upsert and
 * announced to the echo guard, so the target reporting it back is recognised as an echo.
 */
final class WriteGate {
    private final Mapping mapping;
    private final SourceOfTruth ownership;
    private final FieldStateStore states;
    private final FieldGuard guard;
    private final EchoGuard echoes;

    WriteGate(Mapping mapping, SourceOfTruth ownership, FieldStateStore states, EchoGuard echoes) {
        this.mapping = mapping;
        this.ownership = ownership;
        this.states = states;
        this.guard = new FieldGuard(states);
        this.echoes = echoes;
    }

    /** How a rule's writes are checked: by the ownership rules, or exempt from them (suppression). */
    enum Check { OWNERSHIP, EXEMPT }

    /**
     * @param why    what asks for the write ("status interested"), prefixed to the decision's reason
     * @param source the system the value comes from
     */
    void write(PlanBuilder plan, String recordKey, SystemId target, String field, String value, String why,
               SystemId source, Instant observedAt, Check check) {
        if (check == Check.OWNERSHIP) {
            Optional<Decision> refusal = ownership.refuse(source, target, field);
            if (refusal.isPresent()) {
                plan.decide(refusal.get());
                return;
            }
        }
        Optional<ConflictRule> conflict = check == Check.OWNERSHIP ? ownership.conflict(target, field) : Optional.empty();
        String replaces = states.get(target, recordKey, field).map(FieldState::value).orElse(null);
        Optional<FieldRule> rule = mapping.fieldRule(target, field);
        Decision decision = guard.check(target, recordKey, field, value, source, observedAt, rule, conflict);
        if (FieldGuard.writes(decision, value)) {
            plan.set(target, field, value, observedAt);
            echoes.expect(target, recordKey, field, value, replaces, source, observedAt);
            if (rule.isPresent() && rule.get().isBackward(replaces, value)) {
                plan.clearFirst(target, field);
                why = why + ", moves " + field + " back from '" + replaces + "' (the mapping allows it): cleared in one"
                        + " request, set in a second";
            }
        }
        plan.decide(explained(decision, why));
    }

    private static Decision explained(Decision decision, String why) {
        if (decision instanceof Decision.Applied applied) {
            return new Decision.Applied(applied.target(), applied.subject(), applied.value(), why + ", " + applied.reason());
        }
        if (decision instanceof Decision.ConflictResolved resolved) {
            return new Decision.ConflictResolved(resolved.target(), resolved.subject(), resolved.value(),
                    why + ": " + resolved.reason());
        }
        return decision;
    }
}
