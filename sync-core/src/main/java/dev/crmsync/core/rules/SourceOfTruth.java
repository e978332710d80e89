package dev.crmsync.core.rules;

import dev.crmsync.core.mapping.ConflictRule;
import dev.crmsync.core.mapping.FieldGroup;
import dev.crmsync.core.mapping.Flow;
import dev.crmsync.core.mapping.Ownership;
import dev.crmsync.core.model.Decision;
import dev.crmsync.core.model.SystemId;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The ownership rules of the mapping, asked per field: may a value from this source be written to
 * this field of this target, and which conflict rule settles it. Without an ownership section
 * everything may flow and no conflict rule applies (latest-wins), as before ownership existed.
 */
final class SourceOfTruth {
    private final Ownership ownership;

    SourceOfTruth(Ownership ownership) {
        this.ownership = ownership;
    }

    /** The refusal when the field's group has no flow from {@code source} to {@code target}. */
    Optional<Decision> refuse(SystemId source, SystemId target, String field) {
        if (!ownership.isDeclared()) {
            return Optional.empty();
        }
        Optional<FieldGroup> group = ownership.groupOf(target, field);
        if (group.isEmpty()) {
            return Optional.of(new Decision.SkippedOwnership(target, field, target + "." + field
                    + " is in no ownership group, so no change writes it"));
        }
        if (group.get().allows(source, target)) {
            return Optional.empty();
        }
        return Optional.of(new Decision.SkippedOwnership(target, field, target + "." + field + " is "
                + describe(group.get()) + ": a change from " + source + " does not write it"));
    }

    /** The rule settling two writers of the field; empty outside any group. */
    Optional<ConflictRule> conflict(SystemId target, String field) {
        return ownership.groupOf(target, field).map(FieldGroup::effectiveConflict);
    }

    /**
     * The notice for a real change of a field its system does not own (a CRM-owned field edited in
     * Instantly): it does not flow anywhere. Empty when the field may flow, or belongs to no group.
     */
    Optional<Decision> notOwned(SystemId source, String field) {
        Optional<FieldGroup> group = ownership.groupOf(source, field);
        if (group.isEmpty() || group.get().flows().stream().anyMatch(f -> f.from().equals(source))) {
            return Optional.empty();
        }
        return Optional.of(new Decision.SkippedOwnership(source, field, source + "." + field + " is "
                + describe(group.get()) + ": a change made in " + source + " does not flow to other systems"));
    }

    private static String describe(FieldGroup group) {
        String owners = group.sources().stream().sorted().map(SystemId::value).collect(Collectors.joining(", "));
        String flows = group.flows().stream().map(Flow::toString).collect(Collectors.joining(", "));
        return group.name() + ", owned by " + owners + " (flows: " + flows + ")";
    }
}
