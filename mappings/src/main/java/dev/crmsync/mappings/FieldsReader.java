package dev.crmsync.mappings;

import dev.crmsync.core.mapping.FieldMapping;
import dev.crmsync.core.mapping.FieldRule;
import dev.crmsync.core.mapping.Transform;
import dev.crmsync.core.model.SystemId;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads the {@code fields} section of a checked tree: forward-only orders, and field mappings with their transforms. */
final class FieldsReader {
    private final YamlTree tree;

    FieldsReader(YamlTree tree) {
        this.tree = tree;
    }

    Map<SystemId, Map<String, FieldRule>> fieldRules() {
        Map<SystemId, Map<String, FieldRule>> rules = new LinkedHashMap<>();
        for (String system : tree.at("/fields").propertyNames()) {
            String pointer = YamlTree.child("/fields", system);
            Map<String, FieldRule> fields = new LinkedHashMap<>();
            for (String field : tree.at(pointer).propertyNames()) {
                String order = YamlTree.child(pointer, field) + "/forward-only";
                String moveBack = YamlTree.child(pointer, field) + "/move-back";
                if (!tree.at(order).isMissingNode()) {
                    boolean clears = !tree.at(moveBack).isMissingNode() && tree.text(moveBack).equals("clear-first");
                    fields.put(field, clears ? FieldRule.movingBackByClearing(field, tree.texts(order))
                            : FieldRule.forwardOnly(field, tree.texts(order)));
                }
            }
            if (!fields.isEmpty()) {
                rules.put(SystemId.of(system), fields);
            }
        }
        return rules;
    }

    List<FieldMapping> fieldMappings() {
        List<FieldMapping> mappings = new ArrayList<>();
        for (String system : tree.at("/fields").propertyNames()) {
            String systemPointer = YamlTree.child("/fields", system);
            for (String field : tree.at(systemPointer).propertyNames()) {
                String pointer = YamlTree.child(systemPointer, field);
                List<Transform> common = transforms(tree, pointer + "/transform");
                for (String target : tree.at(pointer + "/to").propertyNames()) {
                    String to = YamlTree.child(pointer + "/to", target);
                    List<Transform> steps = new ArrayList<>(common);
                    String targetField = tree.at(to).isString() ? tree.text(to) : tree.text(to + "/field");
                    steps.addAll(transforms(tree, to + "/transform"));
                    mappings.add(new FieldMapping(SystemId.of(system), field, SystemId.of(target), targetField, steps));
                }
            }
        }
        return mappings;
    }

    /** The transform list at the pointer; empty when absent. */
    static List<Transform> transforms(YamlTree tree, String pointer) {
        List<Transform> steps = new ArrayList<>();
        for (int i = 0; i < tree.at(pointer).size(); i++) {
            steps.add(transform(tree, YamlTree.child(pointer, i)));
        }
        return steps;
    }

    static Transform transform(YamlTree tree, String pointer) {
        if (tree.at(pointer).isString()) {
            return switch (tree.text(pointer)) {
                case "lower-case" -> new Transform.LowerCase();
                case "upper-case" -> new Transform.UpperCase();
                default -> new Transform.Trim();
            };
        }
        if (tree.at(pointer).has("date")) {
            String zone = pointer + "/date/zone";
            return new Transform.DateFormat(tree.text(pointer + "/date/format"),
                    tree.at(zone).isMissingNode() ? ZoneOffset.UTC : ZoneId.of(tree.text(zone)));
        }
        String fallback = pointer + "/lookup/default";
        return new Transform.Lookup(tree.values(pointer + "/lookup/table"),
                tree.at(fallback).isMissingNode() ? Optional.empty() : Optional.of(tree.text(fallback)));
    }
}
