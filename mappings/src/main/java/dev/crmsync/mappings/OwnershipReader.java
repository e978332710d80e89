package dev.crmsync.mappings;

import dev.crmsync.core.mapping.ConflictRule;
import dev.crmsync.core.mapping.FieldGroup;
import dev.crmsync.core.mapping.Flow;
import dev.crmsync.core.mapping.Ownership;
import dev.crmsync.core.model.SystemId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads the {@code ownership} section of a checked tree into field groups. */
final class OwnershipReader {
    static final String BOTH = "both";

    private final YamlTree tree;

    OwnershipReader(YamlTree tree) {
        this.tree = tree;
    }

    Ownership ownership() {
        List<FieldGroup> groups = new ArrayList<>();
        for (String name : tree.at("/ownership").propertyNames()) {
            String pointer = YamlTree.child("/ownership", name);
            List<Flow> flows = tree.texts(pointer + "/flows").stream().map(Flow::parse).toList();
            Map<SystemId, Set<String>> fields = new LinkedHashMap<>();
            for (String system : tree.at(pointer + "/fields").propertyNames()) {
                String list = YamlTree.child(pointer + "/fields", system);
                fields.put(SystemId.of(system), new LinkedHashSet<>(tree.texts(list)));
            }
            groups.add(new FieldGroup(name, sources(pointer, flows), flows, conflict(pointer + "/conflict"), fields));
        }
        return new Ownership(groups);
    }

    /** {@code both} means every system a flow starts from. */
    private Set<SystemId> sources(String pointer, List<Flow> flows) {
        Set<SystemId> sources = new LinkedHashSet<>();
        String source = pointer + "/source";
        if (tree.at(source).isString() && tree.text(source).equals(BOTH)) {
            flows.forEach(flow -> sources.add(flow.from()));
        } else if (tree.at(source).isString()) {
            sources.add(SystemId.of(tree.text(source)));
        } else {
            tree.texts(source).forEach(s -> sources.add(SystemId.of(s)));
        }
        return sources;
    }

    private Optional<ConflictRule> conflict(String pointer) {
        if (tree.at(pointer).isMissingNode()) {
            return Optional.empty();
        }
        if (tree.at(pointer).isString()) {
            return Optional.of(ConflictRule.latestWins());
        }
        return Optional.of(ConflictRule.priority(tree.texts(pointer + "/priority").stream().map(SystemId::of).toList()));
    }
}
