package dev.crmsync.core.rules;

import dev.crmsync.core.mapping.ActivityRule;
import dev.crmsync.core.mapping.Effect;
import dev.crmsync.core.mapping.StatusRule;
import dev.crmsync.core.mapping.SuppressionRule;
import dev.crmsync.core.model.Activity;
import dev.crmsync.core.model.CanonicalChange;
import dev.crmsync.core.model.Decision;
import dev.crmsync.core.model.SystemId;
import java.util.Optional;

/**
 * What a change's status, suppression rules and activity rules do to one target. Status writes
 * obey ownership; suppression writes are exempt, because a do-not-contact fact (hard bounce,
 * unsubscribe) must reach every system whoever owns the field; activities are records of their own.
 */
final class EffectPlanner {
    private final WriteGate gate;

    EffectPlanner(WriteGate gate) {
        this.gate = gate;
    }

    void status(PlanBuilder plan, CanonicalChange change, StatusRule status, SystemId target) {
        Optional<Effect> effect = status.effectOn(target);
        if (effect.isEmpty() || effect.get() instanceof Effect.NoChange) {
            plan.decide(new Decision.NoChange(target, "status",
                    "status '" + status.name() + "' changes nothing in " + target + " by the mapping"));
        } else if (effect.get() instanceof Effect.RetryLater later) {
            plan.decide(new Decision.RetryLater(target, "status", "status '" + status.name() + "' leaves " + target
                    + " as it is for now (retry later" + later.after().map(d -> " after " + Durations.text(d)).orElse("")
                    + ")", later.after().orElse(null)));
        } else if (effect.get() instanceof Effect.SetFields set) {
            set.fields().forEach((field, value) -> gate.write(plan, change.who().email(), target, field, value,
                    "status " + status.name(), change.source(), change.observedAt(), WriteGate.Check.OWNERSHIP));
        }
    }

    void suppression(PlanBuilder plan, CanonicalChange change, SuppressionRule rule, SystemId target) {
        if (rule.effects().get(target) instanceof Effect.SetFields set) {
            set.fields().forEach((field, value) -> gate.write(plan, change.who().email(), target, field, value,
                    "suppression " + rule.reason(), change.source(), change.observedAt(), WriteGate.Check.EXEMPT));
        }
    }

    static void activities(PlanBuilder plan, CanonicalChange change, ActivityRule rule, SystemId target) {
        String kind = rule.kinds().get(target);
        if (kind == null) {
            return;
        }
        for (Activity activity : change.activities()) {
            plan.create(target, new Activity(kind, activity.key(), activity.subject(), activity.body(),
                    activity.occurredAt(), activity.attributes()));
            plan.decide(new Decision.Applied(target, "activity:" + activity.key(), kind,
                    change.eventType() + " makes a " + kind + " in " + target));
        }
    }
}
