package dev.crmsync.core.rules;

import dev.crmsync.core.guard.FieldGuard;
import dev.crmsync.core.mapping.ActivityRule;
import dev.crmsync.core.mapping.Effect;
import dev.crmsync.core.mapping.Mapping;
import dev.crmsync.core.mapping.StatusRule;
import dev.crmsync.core.mapping.SuppressionRule;
import dev.crmsync.core.model.Activity;
import dev.crmsync.core.model.CanonicalChange;
import dev.crmsync.core.model.Command;
import dev.crmsync.core.model.Decision;
import dev.crmsync.core.model.SystemId;
import dev.crmsync.core.port.FieldStateStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns one canonical change into decisions and commands for each target, by the mapping:
 * the status table says which fields to set, activity rules which records to create, suppression
 * rules who must never be contacted again; the {@link FieldGuard} stops echoes, stale values and
 * backward moves. Live events, retries and backfills all go through here.
 *
 * <p>Not thread-safe per person: the host serialises planning for one person (and runs it in the
 * transaction that stores the resulting commands).
 */
public final class Planner {
    private final Mapping mapping;
    private final FieldGuard guard;

    public Planner(Mapping mapping, FieldStateStore states) {
        this.mapping = mapping;
        this.guard = new FieldGuard(states);
    }

    public Mapping mapping() {
        return mapping;
    }

    /**
     * @param targets the systems the engine can write to; the change's own source is never a target
     */
    public Plan plan(CanonicalChange change, Set<SystemId> targets) {
        List<Decision> decisions = new ArrayList<>();
        List<Command> commands = new ArrayList<>();
        Optional<StatusRule> status = mapping.statusOf(change);
        List<SuppressionRule> suppressions = mapping.suppressions().stream()
                .filter(s -> s.source().equals(change.source()) && s.trigger().matches(change))
                .toList();
        List<ActivityRule> activityRules = mapping.activities().stream()
                .filter(a -> a.source().equals(change.source()) && a.trigger().matches(change))
                .toList();
        if (status.isEmpty() && suppressions.isEmpty() && activityRules.isEmpty()) {
            decisions.add(new Decision.NoChange(change.source(), "event",
                    "the mapping names no status, activity or suppression for '" + change.eventType() + "'"));
            return new Plan(decisions, commands);
        }
        for (SystemId target : targets.stream().sorted().toList()) {
            if (target.equals(change.source())) {
                continue;
            }
            Map<String, String> fields = new LinkedHashMap<>();
            status.ifPresent(s -> planStatus(change, s, target, fields, decisions));
            for (SuppressionRule rule : suppressions) {
                Effect effect = rule.effects().get(target);
                if (effect instanceof Effect.SetFields set) {
                    guardFields(change, target, set.fields(), "suppression " + rule.reason(), fields, decisions);
                }
            }
            if (!fields.isEmpty()) {
                commands.add(new Command.Upsert(target, change.who(), fields, change.observedAt()));
            }
            planActivities(change, activityRules, target, commands, decisions);
        }
        return new Plan(decisions, commands);
    }

    private void planStatus(CanonicalChange change, StatusRule status, SystemId target, Map<String, String> fields,
                            List<Decision> decisions) {
        Optional<Effect> effect = status.effectOn(target);
        if (effect.isEmpty() || effect.get() instanceof Effect.NoChange) {
            decisions.add(new Decision.NoChange(target, "status",
                    "status '" + status.name() + "' changes nothing in " + target + " by the mapping"));
        } else if (effect.get() instanceof Effect.RetryLater) {
            decisions.add(new Decision.NoChange(target, "status",
                    "status '" + status.name() + "' leaves " + target + " as it is for now (retry later)"));
        } else if (effect.get() instanceof Effect.SetFields set) {
            guardFields(change, target, set.fields(), "status " + status.name(), fields, decisions);
        }
    }

    private void guardFields(CanonicalChange change, SystemId target, Map<String, String> wanted, String why,
                             Map<String, String> fields, List<Decision> decisions) {
        String recordKey = change.who().email();
        wanted.forEach((field, value) -> {
            Decision decision = guard.check(target, recordKey, field, value, change.source(), change.observedAt(),
                    mapping.fieldRule(target, field));
            if (decision instanceof Decision.Applied applied) {
                fields.put(field, value);
                decision = new Decision.Applied(target, field, value, why + ", " + applied.reason());
            }
            decisions.add(decision);
        });
    }

    private static void planActivities(CanonicalChange change, List<ActivityRule> rules, SystemId target,
                                       List<Command> commands, List<Decision> decisions) {
        for (ActivityRule rule : rules) {
            String kind = rule.kinds().get(target);
            if (kind == null) {
                continue;
            }
            for (Activity activity : change.activities()) {
                Activity typed = new Activity(kind, activity.key(), activity.subject(), activity.body(),
                        activity.occurredAt(), activity.attributes());
                commands.add(new Command.AddActivity(target, change.who(), typed));
                decisions.add(new Decision.Applied(target, "activity:" + activity.key(), kind,
                        change.eventType() + " makes a " + kind + " in " + target));
            }
        }
    }
}
