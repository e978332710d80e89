package dev.crmsync.core.mapping;

import dev.crmsync.core.model.CanonicalChange;
import dev.crmsync.core.model.SystemId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A whole mapping file, parsed and validated: the only form in which the engine sees revops'
 * rules. Built by the {@code mappings} module; immutable.
 *
 * @param origin       where it came from (a file path or classpath resource), for messages
 * @param systems      the systems the file names
 * @param statuses     canonical statuses in file order; the first whose trigger matches wins
 * @param fieldRules   per system, per field, how the field accepts values
 * @param activities   activity rules
 * @param suppressions suppression rules
 */
public record Mapping(String origin, Set<SystemId> systems, List<StatusRule> statuses,
                      Map<SystemId, Map<String, FieldRule>> fieldRules, List<ActivityRule> activities,
                      List<SuppressionRule> suppressions) {

    public Mapping {
        Objects.requireNonNull(origin, "origin");
        systems = Set.copyOf(systems);
        statuses = List.copyOf(statuses);
        fieldRules = Map.copyOf(fieldRules);
        activities = List.copyOf(activities);
        suppressions = List.copyOf(suppressions);
    }

    /** The canonical status a change signals, if any. */
    public Optional<StatusRule> statusOf(CanonicalChange change) {
        return statuses.stream().filter(s -> s.matches(change)).findFirst();
    }

    public Optional<FieldRule> fieldRule(SystemId system, String field) {
        return Optional.ofNullable(fieldRules.getOrDefault(system, Map.of()).get(field));
    }

    public Optional<StatusRule> status(String name) {
        return statuses.stream().filter(s -> s.name().equals(name)).findFirst();
    }
}
