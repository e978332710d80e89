package dev.crmsync.core.mapping;

import dev.crmsync.core.model.SystemId;
import java.util.List;
import java.util.Optional;

/**
 * The mapping file's {@code ownership} section: the field groups, each with its source of truth
 * and flows. A file without the section has no groups ({@link #isDeclared()} is false): then every
 * rule writes what it says, as before ownership existed.
 */
public record Ownership(List<FieldGroup> groups) {

    public Ownership {
        groups = List.copyOf(groups);
    }

    public static Ownership undeclared() {
        return new Ownership(List.of());
    }

    public boolean isDeclared() {
        return !groups.isEmpty();
    }

    /** The group covering a field of a system; the loader makes sure there is at most one. */
    public Optional<FieldGroup> groupOf(SystemId system, String field) {
        return groups.stream().filter(g -> g.covers(system, field)).findFirst();
    }
}
