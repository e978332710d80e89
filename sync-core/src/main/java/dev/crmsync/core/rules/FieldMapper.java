package dev.crmsync.core.rules;

import dev.crmsync.core.guard.SourceReport;
import dev.crmsync.core.mapping.FieldMapping;
import dev.crmsync.core.mapping.Transform;
import dev.crmsync.core.model.CanonicalChange;
import dev.crmsync.core.model.Decision;
import dev.crmsync.core.model.SystemId;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Copies the fields a change reports into the targets' fields by the mapping's field mappings,
 * through their transforms and the {@link WriteGate}. A field that is only the echo of our own write,
 * or an old snapshot from before it, is not copied onward.
 */
final class FieldMapper {
    private final List<FieldMapping> mappings;
    private final WriteGate gate;

    FieldMapper(List<FieldMapping> mappings, WriteGate gate) {
        this.mappings = mappings;
        this.gate = gate;
    }

    /** @return whether any field mapping concerned the change */
    boolean plan(PlanBuilder plan, CanonicalChange change, Collection<SystemId> targets, SourceReport report) {
        boolean concerned = false;
        for (FieldMapping mapping : mappings) {
            if (!mapping.source().equals(change.source())) {
                continue;
            }
            String value = change.fields().getOrDefault(mapping.field(), change.attributes().get(mapping.field()));
            if (value == null) {
                continue;
            }
            concerned = true;
            if (!targets.contains(mapping.target()) || report.isOld(mapping.field())) {
                continue;
            }
            String why = "field " + mapping.source() + "." + mapping.field();
            mapping.convert(value).ifPresentOrElse(
                    converted -> gate.write(plan, change.who().email(), mapping.target(), mapping.targetField(),
                            converted, why, change.source(), change.observedAt(), WriteGate.Check.OWNERSHIP),
                    () -> plan.decide(new Decision.NoChange(mapping.target(), mapping.targetField(), why
                            + ": the transforms (" + names(mapping.transforms()) + ") give no value for it"
                            + " (a lookup without a matching entry or default, or a date that does not parse)")));
        }
        return concerned;
    }

    private static String names(List<Transform> transforms) {
        return transforms.stream().map(Transform::name).collect(Collectors.joining(", "));
    }
}
