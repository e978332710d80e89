package dev.crmsync.mappings;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The rules a JSON Schema cannot state, checked on a file the schema accepted: every system named
 * anywhere is listed under {@code systems}; a value set on a forward-only field is one of its stages;
 * every status has a trigger. (Duplicate keys, and so duplicate status names, are caught while reading.)
 */
final class MappingValidator {

    List<MappingProblem> validate(YamlTree tree) {
        List<MappingProblem> problems = new ArrayList<>();
        new Check(tree, problems).run();
        return problems;
    }

    private static final class Check {
        private final YamlTree tree;
        private final List<MappingProblem> problems;
        private final List<String> systems = new ArrayList<>();

        Check(YamlTree tree, List<MappingProblem> problems) {
            this.tree = tree;
            this.problems = problems;
            tree.at("/systems").values().forEach(s -> systems.add(s.asString()));
        }

        void run() {
            for (Map.Entry<String, JsonNode> status : tree.at("/statuses").properties()) {
                String pointer = YamlTree.child("/statuses", status.getKey());
                boolean triggered = false;
                for (Map.Entry<String, JsonNode> block : status.getValue().properties()) {
                    String blockPointer = YamlTree.child(pointer, block.getKey());
                    knownSystem(blockPointer, block.getKey());
                    triggered |= block.getValue().has("on") || block.getValue().has("when");
                    stages(block.getKey(), YamlTree.child(blockPointer, "set"));
                }
                if (!triggered) {
                    problems.add(tree.problem(pointer, "status '" + status.getKey() + "' has no trigger, so no change"
                            + " can ever mean it (expected 'on' or 'when' under at least one system)"));
                }
            }
            tree.at("/fields").propertyNames().forEach(s -> knownSystem(YamlTree.child("/fields", s), s));
            for (int i = 0; i < tree.at("/activities").size(); i++) {
                String pointer = YamlTree.child("/activities", i);
                knownSystem(pointer + "/from", tree.text(pointer + "/from"));
                tree.at(pointer + "/create").propertyNames().forEach(s -> knownSystem(YamlTree.child(pointer + "/create", s), s));
            }
            for (int i = 0; i < tree.at("/suppression").size(); i++) {
                String pointer = YamlTree.child("/suppression", i);
                knownSystem(pointer + "/from", tree.text(pointer + "/from"));
                for (String system : tree.at(pointer + "/set").propertyNames()) {
                    knownSystem(YamlTree.child(pointer + "/set", system), system);
                    stages(system, YamlTree.child(pointer + "/set", system));
                }
            }
        }

        private void knownSystem(String pointer, String system) {
            if (!systems.contains(system)) {
                problems.add(tree.problem(pointer, "unknown system '" + system + "' (expected one of the systems listed"
                        + " under 'systems': " + String.join(", ", systems) + Suggestions.didYouMean(system, systems) + ")"));
            }
        }

        /** Each value written to a forward-only field must be one of its stages, or its rank would be undefined. */
        private void stages(String system, String setPointer) {
            for (String field : tree.at(setPointer).propertyNames()) {
                String orderPointer = YamlTree.child(YamlTree.child(YamlTree.child("/fields", system), field), "forward-only");
                if (tree.at(orderPointer).isMissingNode()) {
                    continue;
                }
                List<String> order = new ArrayList<>();
                for (int i = 0; i < tree.at(orderPointer).size(); i++) {
                    order.add(tree.text(YamlTree.child(orderPointer, i)));
                }
                String valuePointer = YamlTree.child(setPointer, field);
                String value = tree.text(valuePointer);
                if (!order.contains(value)) {
                    problems.add(tree.problem(valuePointer, "'" + value + "' is not a stage of forward-only field "
                            + system + "." + field + " (expected one of: " + String.join(", ", order)
                            + Suggestions.didYouMean(value, order) + ")"));
                }
            }
        }
    }
}
