package dev.crmsync.core.guard;

import dev.crmsync.core.mapping.Trigger;
import dev.crmsync.core.model.CanonicalChange;
import dev.crmsync.core.model.Decision;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the {@link EchoGuard} made of the fields a change says its source now holds.
 *
 * @param echoed    fields reported with a value we wrote there ourselves: echoes of our writes
 * @param stale     fields reported with the value a write of ours still in flight replaces: old snapshots
 * @param fresh     fields reported with a value the engine did not know the source to hold: real changes
 * @param decisions one {@link Decision.SkippedEcho} per echoed and one {@link Decision.SkippedStale} per
 *                  stale field, for the trace
 */
public record SourceReport(Set<String> echoed, Set<String> stale, Set<String> fresh, List<Decision> decisions) {

    public SourceReport {
        echoed = Set.copyOf(echoed);
        stale = Set.copyOf(stale);
        fresh = Set.copyOf(fresh);
        decisions = List.copyOf(decisions);
    }

    /** Whether the field's reported value is no news: our own write coming back, or an old snapshot. */
    public boolean isOld(String field) {
        return echoed.contains(field) || stale.contains(field);
    }

    /**
     * Whether a set of reported fields is, as a whole, nothing new (some echoed or stale, none fresh):
     * a rule triggered by these fields must not fire again.
     */
    public boolean isNothingNew(Set<String> fields) {
        return fields.stream().anyMatch(this::isOld) && fields.stream().noneMatch(fresh::contains);
    }

    /** Whether a rule's trigger matched only through reported fields that are nothing new. */
    public boolean isNothingNew(Trigger trigger, CanonicalChange change) {
        return isNothingNew(trigger.when().keySet().stream().filter(change.fields()::containsKey)
                .collect(Collectors.toSet()));
    }
}
