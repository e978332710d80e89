package dev.crmsync.mappings;

import dev.crmsync.core.mapping.ActivityRule;
import dev.crmsync.core.mapping.Effect;
import dev.crmsync.core.mapping.FieldRule;
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
import java.util.Set;

/** Converts a checked {@link YamlTree} into the core's {@link Mapping}: after validation nothing here can fail. */
final class MappingReader {
    private final YamlTree tree;

    private MappingReader(YamlTree tree) {
        this.tree = tree;
    }

    static Mapping read(YamlTree tree) {
        MappingReader reader = new MappingReader(tree);
        return new Mapping(tree.origin(), reader.systems(), reader.statuses(), reader.fieldRules(),
                reader.activities(), reader.suppressions());
    }

    private Set<SystemId> systems() {
        Set<SystemId> systems = new LinkedHashSet<>();
        texts("/systems").forEach(s -> systems.add(SystemId.of(s)));
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
                    effects.put(id, Effect.set(values(block + "/set")));
                }
            }
            statuses.add(new StatusRule(name, triggers, effects));
        }
        return statuses;
    }

    private Map<SystemId, Map<String, FieldRule>> fieldRules() {
        Map<SystemId, Map<String, FieldRule>> rules = new LinkedHashMap<>();
        for (String system : tree.at("/fields").propertyNames()) {
            String pointer = YamlTree.child("/fields", system);
            Map<String, FieldRule> fields = new LinkedHashMap<>();
            for (String field : tree.at(pointer).propertyNames()) {
                fields.put(field, FieldRule.forwardOnly(field, texts(YamlTree.child(pointer, field) + "/forward-only")));
            }
            rules.put(SystemId.of(system), fields);
        }
        return rules;
    }

    private List<ActivityRule> activities() {
        List<ActivityRule> rules = new ArrayList<>();
        for (int i = 0; i < tree.at("/activities").size(); i++) {
            String pointer = YamlTree.child("/activities", i);
            Map<SystemId, String> kinds = new LinkedHashMap<>();
            values(pointer + "/create").forEach((system, kind) -> kinds.put(SystemId.of(system), kind));
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
                effects.put(SystemId.of(system), Effect.set(values(YamlTree.child(pointer + "/set", system))));
            }
            rules.add(new SuppressionRule(SystemId.of(tree.text(pointer + "/from")), trigger(pointer),
                    tree.text(pointer + "/reason"), effects));
        }
        return rules;
    }

    private Trigger trigger(String pointer) {
        return new Trigger(texts(pointer + "/on"), values(pointer + "/when"));
    }

    /** A block of key: scalar as text; empty when the block is absent. */
    private Map<String, String> values(String pointer) {
        Map<String, String> values = new LinkedHashMap<>();
        tree.at(pointer).propertyNames().forEach(key -> values.put(key, tree.text(YamlTree.child(pointer, key))));
        return values;
    }

    /** A list of scalars as text; empty when the list is absent. */
    private List<String> texts(String pointer) {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < tree.at(pointer).size(); i++) {
            texts.add(tree.text(YamlTree.child(pointer, i)));
        }
        return texts;
    }
}
