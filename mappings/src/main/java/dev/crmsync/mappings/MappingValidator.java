package dev.crmsync.mappings;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The rules a JSON Schema cannot state, checked on a file the schema accepted: every system named
 * anywhere is listed under {@code systems}; a value set on a forward-only field is one of its stages;
 * every status has a trigger; a block does not both set and retry later; a suppression rule has
 * {@code on} or {@code when}. Ownership is checked by {@link OwnershipValidator}, transforms,
 * engagement and bounces by {@link SectionValidator}. (Duplicate keys, and so duplicate status names,
 * are caught while reading.)
 */
final class MappingValidator {

    List<MappingProblem> validate(YamlTree tree) {
        List<MappingProblem> problems = new ArrayList<>();
        Context context = new Context(tree, problems);
        new Check(context).run();
        new SectionValidator(context).run();
        new OwnershipValidator(context).run();
        return problems;
    }

    /** What every check needs: the tree, where problems go, and the systems the file lists. */
    static final class Context {
        final YamlTree tree;
        final List<MappingProblem> problems;
        final List<String> systems = new ArrayList<>();

        Context(YamlTree tree, List<MappingProblem> problems) {
            this.tree = tree;
            this.problems = problems;
            tree.at("/systems").values().forEach(s -> systems.add(s.asString()));
        }

        void problem(String pointer, String message) {
            problems.add(tree.problem(pointer, message));
        }

        /** Reports a system not listed under {@code systems}; returns whether it is listed. */
        boolean knownSystem(String pointer, String system) {
            if (systems.contains(system)) {
                return true;
            }
            problem(pointer, "unknown system '" + system + "' (expected one of the systems listed under 'systems': "
                    + String.join(", ", systems) + Suggestions.didYouMean(system, systems) + ")");
            return false;
        }
    }

    private static final class Check {
        private final Context context;
        private final YamlTree tree;

        Check(Context context) {
            this.context = context;
            this.tree = context.tree;
        }

        void run() {
            for (Map.Entry<String, JsonNode> status : tree.at("/statuses").properties()) {
                String pointer = YamlTree.child("/statuses", status.getKey());
                boolean triggered = false;
                for (Map.Entry<String, JsonNode> block : status.getValue().properties()) {
                    String blockPointer = YamlTree.child(pointer, block.getKey());
                    context.knownSystem(blockPointer, block.getKey());
                    triggered |= block.getValue().has("on") || block.getValue().has("when");
                    stages(block.getKey(), YamlTree.child(blockPointer, "set"));
                    if (block.getValue().has("set") && block.getValue().has("retry-later")) {
                        context.problem(blockPointer + "/retry-later", "a block that sets fields cannot also retry later"
                                + " (expected either set or retry-later)");
                    }
                }
                if (!triggered) {
                    context.problem(pointer, "status '" + status.getKey() + "' has no trigger, so no change"
                            + " can ever mean it (expected 'on' or 'when' under at least one system)");
                }
            }
            tree.at("/fields").propertyNames().forEach(s -> context.knownSystem(YamlTree.child("/fields", s), s));
            for (int i = 0; i < tree.at("/activities").size(); i++) {
                String pointer = YamlTree.child("/activities", i);
                context.knownSystem(pointer + "/from", tree.text(pointer + "/from"));
                tree.at(pointer + "/create").propertyNames()
                        .forEach(s -> context.knownSystem(YamlTree.child(pointer + "/create", s), s));
            }
            for (int i = 0; i < tree.at("/suppression").size(); i++) {
                String pointer = YamlTree.child("/suppression", i);
                context.knownSystem(pointer + "/from", tree.text(pointer + "/from"));
                if (!tree.at(pointer).has("on") && !tree.at(pointer).has("when")) {
                    context.problem(pointer, "a suppression rule without 'on' or 'when' would match every change"
                            + " (expected on: [event types] and/or when: { attribute: value })");
                }
                for (String system : tree.at(pointer + "/set").propertyNames()) {
                    context.knownSystem(YamlTree.child(pointer + "/set", system), system);
                    stages(system, YamlTree.child(pointer + "/set", system));
                }
            }
        }

        /** Each value written to a forward-only field must be one of its stages, or its rank would be undefined. */
        private void stages(String system, String setPointer) {
            for (String field : tree.at(setPointer).propertyNames()) {
                String orderPointer = YamlTree.child(YamlTree.child(YamlTree.child("/fields", system), field), "forward-only");
                if (tree.at(orderPointer).isMissingNode()) {
                    continue;
                }
                List<String> order = tree.texts(orderPointer);
                String valuePointer = YamlTree.child(setPointer, field);
                String value = tree.text(valuePointer);
                if (!order.contains(value)) {
                    context.problem(valuePointer, "'" + value + "' is not a stage of forward-only field "
                            + system + "." + field + " (expected one of: " + String.join(", ", order)
                            + Suggestions.didYouMean(value, order) + ")");
                }
            }
        }
    }
}
