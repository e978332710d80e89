package dev.crmsync.mappings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks the {@code ownership} section and, when a file has one, every write against it: each field
 * the mapping writes belongs to exactly one group ("missing ownership" otherwise), and the group has a
 * flow into the written system from a system that can cause the write. Suppression rules need the
 * group but no flow: a do-not-contact fact reaches every system.
 */
final class OwnershipValidator {
    private final MappingValidator.Context context;
    private final YamlTree tree;
    private final Map<String, Group> groupOfField = new LinkedHashMap<>();

    private record Group(String name, String pointer, Set<String> flows) {
        boolean allows(String from, String to) {
            return flows.contains(from + "->" + to);
        }
    }

    OwnershipValidator(MappingValidator.Context context) {
        this.context = context;
        this.tree = context.tree;
    }

    void run() {
        if (tree.at("/ownership").isMissingNode()) {
            return;
        }
        for (String name : tree.at("/ownership").propertyNames()) {
            group(name, YamlTree.child("/ownership", name));
        }
        for (String status : tree.at("/statuses").propertyNames()) {
            String pointer = YamlTree.child("/statuses", status);
            Set<String> triggers = new LinkedHashSet<>();
            tree.at(pointer).propertyNames().forEach(s -> {
                if (tree.at(YamlTree.child(pointer, s)).has("on") || tree.at(YamlTree.child(pointer, s)).has("when")) {
                    triggers.add(s);
                }
            });
            for (String system : tree.at(pointer).propertyNames()) {
                Set<String> writers = new LinkedHashSet<>(triggers);
                writers.remove(system);
                String set = YamlTree.child(pointer, system) + "/set";
                tree.at(set).propertyNames().forEach(field -> written(YamlTree.child(set, field), system, field, writers,
                        "which triggers '" + status + "'"));
            }
        }
        for (int i = 0; i < tree.at("/suppression").size(); i++) {
            String set = YamlTree.child("/suppression", i) + "/set";
            for (String system : tree.at(set).propertyNames()) {
                String block = YamlTree.child(set, system);
                tree.at(block).propertyNames().forEach(f -> written(YamlTree.child(block, f), system, f, Set.of(), ""));
            }
        }
        for (String source : tree.at("/fields").propertyNames()) {
            String sourcePointer = YamlTree.child("/fields", source);
            for (String field : tree.at(sourcePointer).propertyNames()) {
                String to = YamlTree.child(sourcePointer, field) + "/to";
                for (String target : tree.at(to).propertyNames()) {
                    String pointer = YamlTree.child(to, target);
                    String targetField = tree.at(pointer).isString() ? tree.text(pointer) : tree.text(pointer + "/field");
                    written(pointer, target, targetField, Set.of(source), "");
                }
            }
        }
        String from = tree.text("/engagement/from");
        tree.values("/engagement/write-to").forEach((system, field) -> written(
                YamlTree.child("/engagement/write-to", system), system, field, Set.of(from), "whose events are scored"));
    }

    private void group(String name, String pointer) {
        Set<String> flows = new LinkedHashSet<>();
        Set<String> writers = new LinkedHashSet<>();
        List<String> sources = sources(pointer + "/source");
        List<String> flowTexts = tree.texts(pointer + "/flows");
        for (int i = 0; i < flowTexts.size(); i++) {
            String at = YamlTree.child(pointer + "/flows", i);
            String from = flowTexts.get(i).substring(0, flowTexts.get(i).indexOf("->")).strip();
            String to = flowTexts.get(i).substring(flowTexts.get(i).indexOf("->") + 2).strip();
            boolean known = context.knownSystem(at, from) & context.knownSystem(at, to);
            if (known && from.equals(to)) {
                context.problem(at, "a flow from " + from + " to itself (expected two different systems)");
            } else if (known && !sources.isEmpty() && !sources.contains(from)) {
                context.problem(at, "flow " + from + "->" + to + " starts at " + from + ", which is not a source of '"
                        + name + "' (expected flows from: " + String.join(", ", sources) + ", or source: both)");
            }
            flows.add(from + "->" + to);
            writers.add(from);
        }
        conflict(name, pointer, writers);
        Group group = new Group(name, pointer, flows);
        for (String system : tree.at(pointer + "/fields").propertyNames()) {
            String list = YamlTree.child(pointer + "/fields", system);
            context.knownSystem(list, system);
            List<String> fields = tree.texts(list);
            for (int i = 0; i < fields.size(); i++) {
                Group earlier = groupOfField.putIfAbsent(system + "." + fields.get(i), group);
                if (earlier != null) {
                    context.problem(YamlTree.child(list, i), system + "." + fields.get(i) + " is already in group '"
                            + earlier.name() + "' (line " + tree.mark(earlier.pointer()).line()
                            + ") (expected each field in one group)");
                }
            }
        }
    }

    /** The listed sources; empty for {@code both}. */
    private List<String> sources(String pointer) {
        if (tree.at(pointer).isString() && tree.text(pointer).equals(OwnershipReader.BOTH)) {
            return List.of();
        }
        List<String> sources = tree.at(pointer).isString() ? List.of(tree.text(pointer)) : tree.texts(pointer);
        for (int i = 0; i < sources.size(); i++) {
            context.knownSystem(tree.at(pointer).isString() ? pointer : YamlTree.child(pointer, i), sources.get(i));
        }
        return sources;
    }

    private void conflict(String name, String pointer, Set<String> writers) {
        String conflict = pointer + "/conflict";
        if (tree.at(conflict).isMissingNode()) {
            if (writers.size() > 1) {
                context.problem(pointer, "group '" + name + "' has " + writers.size() + " writers ("
                        + String.join(", ", writers) + ") but no conflict rule (expected conflict: latest-wins"
                        + " or conflict: { priority: [" + String.join(", ", writers) + "] })");
            }
            return;
        }
        List<String> priority = tree.texts(conflict + "/priority");
        for (int i = 0; i < priority.size(); i++) {
            context.knownSystem(YamlTree.child(conflict + "/priority", i), priority.get(i));
        }
        List<String> unranked = writers.stream().filter(w -> !priority.contains(w)).toList();
        if (tree.at(conflict).isObject() && !unranked.isEmpty()) {
            context.problem(conflict + "/priority", "priority does not rank " + String.join(", ", unranked)
                    + ", which writes '" + name + "' (expected every system a flow starts from: "
                    + String.join(", ", writers) + ")");
        }
    }

    /**
     * @param writers the systems whose changes cause the write (besides the written system itself);
     *                empty when no flow is needed
     */
    private void written(String pointer, String system, String field, Set<String> writers, String role) {
        Optional<Group> group = Optional.ofNullable(groupOfField.get(system + "." + field));
        if (group.isEmpty()) {
            context.problem(pointer, "missing ownership: " + system + "." + field + " is written here but is in no"
                    + " group under 'ownership' (expected it listed in ownership.<group>.fields." + system + ")");
            return;
        }
        if (writers.isEmpty() || writers.stream().anyMatch(w -> group.get().allows(w, system))) {
            return;
        }
        List<String> wanted = new ArrayList<>();
        writers.forEach(w -> wanted.add(w + "->" + system));
        context.problem(pointer, system + "." + field + " is in group '" + group.get().name() + "', whose flows ("
                + String.join(", ", group.get().flows()) + ") do not let " + String.join(" or ", writers)
                + (role.isEmpty() ? "" : " (" + role + ")") + " write it (expected " + String.join(" or ", wanted)
                + " in ownership." + group.get().name() + ".flows)");
    }
}
