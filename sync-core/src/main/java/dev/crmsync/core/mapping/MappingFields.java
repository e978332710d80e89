package dev.crmsync.core.mapping;

import dev.crmsync.core.model.SystemId;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which fields of one system a mapping writes and reads, for adapters that prepare the system (create
 * custom fields) or read records in bulk (ask only for the fields the rules look at).
 */
public final class MappingFields {
    private MappingFields() {
    }

    /**
     * Every field a rule may write into {@code system}: status and suppression {@code set}s, field mappings
     * into it, the engagement score's property, and the fields of ownership groups that flow into it.
     */
    public static Set<String> writtenTo(Mapping mapping, SystemId system) {
        Set<String> fields = new TreeSet<>();
        mapping.statuses().forEach(status -> status.effectOn(system).ifPresent(effect -> addSet(fields, effect)));
        mapping.suppressions().forEach(rule -> {
            Effect effect = rule.effects().get(system);
            if (effect != null) {
                addSet(fields, effect);
            }
        });
        mapping.fieldMappings().stream().filter(m -> m.target().equals(system)).forEach(m -> fields.add(m.targetField()));
        mapping.engagement().map(e -> e.writeTo().get(system)).ifPresent(fields::add);
        for (FieldGroup group : mapping.ownership().groups()) {
            boolean flowsIn = group.flows().stream().anyMatch(flow -> flow.to().equals(system));
            if (flowsIn) {
                fields.addAll(group.fields().getOrDefault(system, Set.of()));
            }
        }
        return fields;
    }

    /**
     * Every field of {@code system} a rule looks at in that system's own changes: trigger conditions of
     * statuses and suppressions, field mappings out of it, and the fields of ownership groups that flow out of it.
     */
    public static Set<String> readFrom(Mapping mapping, SystemId system) {
        Set<String> fields = new TreeSet<>();
        mapping.statuses().forEach(status -> {
            Trigger trigger = status.triggers().get(system);
            if (trigger != null) {
                fields.addAll(trigger.when().keySet());
            }
        });
        mapping.suppressions().stream().filter(rule -> rule.source().equals(system))
                .forEach(rule -> fields.addAll(rule.trigger().when().keySet()));
        mapping.fieldMappings().stream().filter(m -> m.source().equals(system)).forEach(m -> fields.add(m.field()));
        for (FieldGroup group : mapping.ownership().groups()) {
            boolean flowsOut = group.flows().stream().anyMatch(flow -> flow.from().equals(system));
            if (flowsOut) {
                fields.addAll(group.fields().getOrDefault(system, Set.of()));
            }
        }
        return fields;
    }

    /** The kinds of activity ({@code note}, {@code task}) the mapping creates in {@code system}. */
    public static Set<String> activityKindsIn(Mapping mapping, SystemId system) {
        Set<String> kinds = new TreeSet<>();
        mapping.activities().stream().map(ActivityRule::kinds).map(k -> k.get(system))
                .filter(java.util.Objects::nonNull).forEach(kinds::add);
        return kinds;
    }

    private static void addSet(Set<String> fields, Effect effect) {
        if (effect instanceof Effect.SetFields set) {
            fields.addAll(set.fields().keySet());
        }
    }
}
