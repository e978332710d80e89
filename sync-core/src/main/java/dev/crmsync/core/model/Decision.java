package dev.crmsync.core.model;

import java.util.Objects;

/**
 * What the rules decided for one subject (a field, an activity, a status) of one change toward
 * one target, with the reason an operator reads in the trace. Expected outcomes are values,
 * never exceptions: a guard that stops a change returns a skip.
 */
public sealed interface Decision permits Decision.Applied, Decision.SkippedOwnership, Decision.SkippedEcho,
        Decision.SkippedStale, Decision.SkippedBackward, Decision.ConflictResolved, Decision.NoChange {

    /** The target system, or the source itself for decisions about the event as a whole. */
    SystemId target();

    /** What the decision is about: a field name, {@code activity:<key>}, or {@code status}. */
    String subject();

    String reason();

    /** Stable short name stored with the decision and shown in the trace. */
    String outcome();

    record Applied(SystemId target, String subject, String value, String reason) implements Decision {
        public Applied {
            Objects.requireNonNull(target, "target");
        }

        public String outcome() {
            return "applied";
        }
    }

    record SkippedOwnership(SystemId target, String subject, String reason) implements Decision {
        public String outcome() {
            return "skipped-ownership";
        }
    }

    /** The target already holds this value (often because we wrote it): writing it again would only echo. */
    record SkippedEcho(SystemId target, String subject, String reason) implements Decision {
        public String outcome() {
            return "skipped-echo";
        }
    }

    /** The change was observed before the value already applied to this field. */
    record SkippedStale(SystemId target, String subject, String reason) implements Decision {
        public String outcome() {
            return "skipped-stale";
        }
    }

    /** The field only moves forward along its declared order, and this value is behind the current one. */
    record SkippedBackward(SystemId target, String subject, String reason) implements Decision {
        public String outcome() {
            return "skipped-backward";
        }
    }

    record ConflictResolved(SystemId target, String subject, String value, String reason) implements Decision {
        public String outcome() {
            return "conflict-resolved";
        }
    }

    /** The mapping says this event changes nothing in the target (or does not name the event at all). */
    record NoChange(SystemId target, String subject, String reason) implements Decision {
        public String outcome() {
            return "no-change";
        }
    }
}
