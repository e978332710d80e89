package dev.crmsync.core.mapping;

import dev.crmsync.core.model.SystemId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One ownership group of the mapping file (e.g. {@code lead_status}): which fields of which systems
 * it covers, which system is the source of truth for them, in which directions their values may
 * flow, and how two writers are reconciled.
 *
 * @param name     the group's name, quoted in decisions
 * @param sources  the systems of truth (for {@code source: both}, every system a flow starts from)
 * @param flows    the permitted directions; a write into a covered field needs a flow from the change's source
 * @param conflict how concurrent writers are settled; empty when the file gives none (then the
 *                 group has one source, which wins by priority)
 * @param fields   per system, the field names the group covers
 */
public record FieldGroup(String name, Set<SystemId> sources, List<Flow> flows, Optional<ConflictRule> conflict,
                         Map<SystemId, Set<String>> fields) {

    public FieldGroup {
        Objects.requireNonNull(name, "name");
        sources = Set.copyOf(sources);
        flows = List.copyOf(flows);
        Objects.requireNonNull(conflict, "conflict");
        Map<SystemId, Set<String>> copy = new LinkedHashMap<>();
        fields.forEach((system, names) -> copy.put(system, Set.copyOf(names)));
        fields = Map.copyOf(copy);
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("group '" + name + "' needs at least one source");
        }
    }

    public boolean covers(SystemId system, String field) {
        return fields.getOrDefault(system, Set.of()).contains(field);
    }

    public boolean allows(SystemId from, SystemId to) {
        return flows.contains(new Flow(from, to));
    }

    /** The rule the field guard applies: the file's, else the single source of truth wins. */
    public ConflictRule effectiveConflict() {
        return conflict.orElseGet(() -> ConflictRule.priority(sources.stream().sorted().toList()));
    }
}
