package dev.crmsync.core.rules;

import dev.crmsync.core.model.Activity;
import dev.crmsync.core.model.CanonicalChange;
import dev.crmsync.core.model.Command;
import dev.crmsync.core.model.Decision;
import dev.crmsync.core.model.SystemId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Collects what the planner's collaborators decide for one change, and turns it into a {@link Plan}. */
final class PlanBuilder {
    private final CanonicalChange change;
    private final List<Decision> decisions = new ArrayList<>();
    private final Map<SystemId, Map<String, String>> fields = new TreeMap<>();
    private final Map<SystemId, Instant> newest = new TreeMap<>();
    private final Map<SystemId, List<Activity>> activities = new TreeMap<>();
    private final Map<SystemId, Set<String>> clearFirst = new TreeMap<>();

    PlanBuilder(CanonicalChange change) {
        this.change = change;
    }

    void decide(Decision decision) {
        decisions.add(decision);
    }

    void decideAll(List<Decision> more) {
        decisions.addAll(more);
    }

    boolean hasDecisions() {
        return !decisions.isEmpty();
    }

    /** A field to write in the target; the target gets one upsert with every field of the change. */
    void set(SystemId target, String field, String value, Instant observedAt) {
        fields.computeIfAbsent(target, t -> new LinkedHashMap<>()).put(field, value);
        newest.merge(target, observedAt, (a, b) -> a.isAfter(b) ? a : b);
    }

    /** A field set by {@link #set} moves back: the target must clear it in a request before the one that sets it. */
    void clearFirst(SystemId target, String field) {
        clearFirst.computeIfAbsent(target, t -> new TreeSet<>()).add(field);
    }

    void create(SystemId target, Activity activity) {
        activities.computeIfAbsent(target, t -> new ArrayList<>()).add(activity);
    }

    /** Per target in id order: its upsert, then its activities. */
    Plan build() {
        List<Command> commands = new ArrayList<>();
        Set<SystemId> targets = new TreeSet<>(fields.keySet());
        targets.addAll(activities.keySet());
        for (SystemId target : targets) {
            Map<String, String> values = fields.get(target);
            if (values != null) {
                commands.add(new Command.Upsert(target, change.who(), values, newest.get(target),
                        clearFirst.getOrDefault(target, Set.of())));
            }
            for (Activity activity : activities.getOrDefault(target, List.of())) {
                commands.add(new Command.AddActivity(target, change.who(), activity));
            }
        }
        return new Plan(decisions, commands);
    }
}
