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
 * @param origin        where it came from (a file path or classpath resource), for messages
 * @param systems       the systems the file names
 * @param statuses      canonical statuses in file order; the first whose trigger matches wins
 * @param fieldRules    per system, per field, how the field accepts values (forward-only)
 * @param activities    activity rules
 * @param suppressions  suppression rules
 * @param ownership     field groups with their source of truth, flows and conflict rule
 * @param fieldMappings fields copied from one system to another, in file order
 * @param engagement    the engagement score, when the file has one
 * @param bounces       the soft-bounce policy, when the file has one
 */
public record Mapping(String origin, Set<SystemId> systems, List<StatusRule> statuses,
                      Map<SystemId, Map<String, FieldRule>> fieldRules, List<ActivityRule> activities,
                      List<SuppressionRule> suppressions, Ownership ownership, List<FieldMapping> fieldMappings,
                      Optional<EngagementRule> engagement, Optional<BounceRule> bounces) {

    public Mapping {
        Objects.requireNonNull(origin, "origin");
        systems = Set.copyOf(systems);
        statuses = List.copyOf(statuses);
        fieldRules = Map.copyOf(fieldRules);
        activities = List.copyOf(activities);
        suppressions = List.copyOf(suppressions);
        Objects.requireNonNull(ownership, "ownership");
        fieldMappings = List.copyOf(fieldMappings);
        Objects.requireNonNull(engagement, "engagement");
        Objects.requireNonNull(bounces, "bounces");
    }

    /** A mapping with statuses, field orders, activities and suppressions only (no ownership section). */
    public Mapping(String origin, Set<SystemId> systems, List<StatusRule> statuses,
                   Map<SystemId, Map<String, FieldRule>> fieldRules, List<ActivityRule> activities,
                   List<SuppressionRule> suppressions) {
        this(origin, systems, statuses, fieldRules, activities, suppressions, Ownership.undeclared(), List.of(),
                Optional.empty(), Optional.empty());
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

    public Mapping withOwnership(Ownership ownership) {
        return new Mapping(origin, systems, statuses, fieldRules, activities, suppressions, ownership, fieldMappings,
                engagement, bounces);
    }

    public Mapping withFieldMappings(List<FieldMapping> fieldMappings) {
        return new Mapping(origin, systems, statuses, fieldRules, activities, suppressions, ownership, fieldMappings,
                engagement, bounces);
    }

    public Mapping withEngagement(EngagementRule engagement) {
        return new Mapping(origin, systems, statuses, fieldRules, activities, suppressions, ownership, fieldMappings,
                Optional.of(engagement), bounces);
    }

    public Mapping withBounces(BounceRule bounces) {
        return new Mapping(origin, systems, statuses, fieldRules, activities, suppressions, ownership, fieldMappings,
                engagement, Optional.of(bounces));
    }
}
