package dev.crmsync.mappings;

import dev.crmsync.core.mapping.ActivityRule;
import dev.crmsync.core.mapping.Effect;
import dev.crmsync.core.mapping.Mapping;
import dev.crmsync.core.mapping.StatusRule;
import dev.crmsync.core.mapping.SuppressionRule;
import dev.crmsync.core.mapping.Trigger;
import dev.crmsync.core.model.SystemId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Converts a checked {@link YamlTree} into the core's {@link Mapping}: after validation nothing here
 * can fail. Statuses, activities and suppression are read here; fields, ownership, engagement and
 * bounces by {@link FieldsReader}, {@link OwnershipReader} and {@link PolicyReader}.
 */
final class MappingReader {
    private final YamlTree tree;

    private MappingReader(YamlTree tree) {
        this.tree = tree;
    }

    static Mapping read(YamlTree tree) {
        MappingReader reader = new MappingReader(tree);
        FieldsReader fields = new FieldsReader(tree);
        PolicyReader policies = new PolicyReader(tree);
        return new Mapping(tree.origin(), reader.systems(), reader.statuses(), fields.fieldRules(),
                reader.activities(), reader.suppressions(), new OwnershipReader(tree).ownership(),
                fields.fieldMappings(), policies.engagement(), policies.bounces());
    }

    private Set<SystemId> systems() {
        Set<SystemId> systems = new LinkedHashSet<>();
        tree.texts("/systems").forEach(s -> systems.add(SystemId.of(s)));
        return systems;
    }

    private List<StatusRule> statuses() {
        List<StatusRule> statuses = new ArrayList<>();
        for (String name : tree.at("/statuses").propertyNames()) {
            String pointer = YamlTree.child("/statuses", name);
            Map<SystemId, Trigger> triggers = new LinkedHashMap<>();
            Map<SystemId, Effect> effects = new LinkedHashMap<>();
            for (String system : tree.at(pointer).propertyNames()) {
                String block = YamlTree.child(pointer, system);
                SystemId id = SystemId.of(system);
                if (tree.at(block).isString()) {
                    effects.put(id, tree.text(block).equals("no-change") ? new Effect.NoChange() : new Effect.RetryLater());
                    continue;
                }
                if (tree.at(block).has("on") || tree.at(block).has("when")) {
                    triggers.put(id, trigger(block));
                }
                if (tree.at(block).has("set")) {
                    effects.put(id, Effect.set(tree.values(block + "/set")));
                } else if (tree.at(block).has("retry-later")) {
                    effects.put(id, new Effect.RetryLater(Optional.of(Durations.parse(tree.text(block + "/retry-later")))));
                }
            }
            statuses.add(new StatusRule(name, triggers, effects));
        }
        return statuses;
    }

    private List<ActivityRule> activities() {
        List<ActivityRule> rules = new ArrayList<>();
        for (int i = 0; i < tree.at("/activities").size(); i++) {
            String pointer = YamlTree.child("/activities", i);
            Map<SystemId, String> kinds = new LinkedHashMap<>();
            tree.values(pointer + "/create").forEach((system, kind) -> kinds.put(SystemId.of(system), kind));
            rules.add(new ActivityRule(SystemId.of(tree.text(pointer + "/from")), trigger(pointer), kinds));
        }
        return rules;
    }

    private List<SuppressionRule> suppressions() {
        List<SuppressionRule> rules = new ArrayList<>();
        for (int i = 0; i < tree.at("/suppression").size(); i++) {
            String pointer = YamlTree.child("/suppression", i);
            Map<SystemId, Effect> effects = new LinkedHashMap<>();
            for (String system : tree.at(pointer + "/set").propertyNames()) {
                effects.put(SystemId.of(system), Effect.set(tree.values(YamlTree.child(pointer + "/set", system))));
            }
            rules.add(new SuppressionRule(SystemId.of(tree.text(pointer + "/from")), trigger(pointer),
                    tree.text(pointer + "/reason"), effects));
        }
        return rules;
    }

    private Trigger trigger(String pointer) {
        return trigger(tree, pointer);
    }

    /** The {@code on} and {@code when} of the block at the pointer. */
    static Trigger trigger(YamlTree tree, String pointer) {
        return new Trigger(tree.texts(pointer + "/on"), tree.values(pointer + "/when"));
    }
}
