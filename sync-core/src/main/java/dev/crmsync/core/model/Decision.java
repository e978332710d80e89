package dev.crmsync.core.model;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What the rules decided for one subject (a field, an activity, a status) of one change toward
 * one target, with the reason an operator reads in the trace. Expected outcomes are values,
 * never exceptions: a guard that stops a change returns a skip.
 */
public sealed interface Decision permits Decision.Applied, Decision.SkippedOwnership, Decision.SkippedEcho,
        Decision.SkippedStale, Decision.SkippedBackward, Decision.ConflictResolved, Decision.NoChange,
        Decision.RetryLater {

    /** The target system, or the source itself for decisions about the event as a whole. */
    SystemId target();

    /** What the decision is about: a field name, {@code activity:<key>}, {@code status}, {@code event}, {@code bounce}. */
    String subject();

    String reason();

    /** Stable short name stored with the decision and shown in the trace. */
    String outcome();

    /** The value is written to the subject field (or the activity created) in the target. */
    record Applied(SystemId target, String subject, String value, String reason) implements Decision {
        public Applied {
            require(target, subject, reason);
            Objects.requireNonNull(value, "value");
        }

        public String outcome() {
            return "applied";
        }
    }

    /** The mapping's ownership rules do not let this value flow from the change's source to the target. */
    record SkippedOwnership(SystemId target, String subject, String reason) implements Decision {
        public SkippedOwnership {
            require(target, subject, reason);
        }

        public String outcome() {
            return "skipped-ownership";
        }
    }

    /**
     * Nothing to write: the target already holds this value (often because we wrote it), or the
     * change is a system reporting back a value we wrote there, which goes no further.
     */
    record SkippedEcho(SystemId target, String subject, String reason) implements Decision {
        public SkippedEcho {
            require(target, subject, reason);
        }

        public String outcome() {
            return "skipped-echo";
        }
    }

    /**
     * The change was observed before the value already applied to this field by the same source, or a
     * source reported an old snapshot of its field (from before a write of ours still on its way).
     */
    record SkippedStale(SystemId target, String subject, String reason) implements Decision {
        public SkippedStale {
            require(target, subject, reason);
        }

        public String outcome() {
            return "skipped-stale";
        }
    }

    /** The field only moves forward along its declared order, and this value is behind the current one. */
    record SkippedBackward(SystemId target, String subject, String reason) implements Decision {
        public SkippedBackward {
            require(target, subject, reason);
        }

        public String outcome() {
            return "skipped-backward";
        }
    }

    /**
     * Two systems wrote this field and the group's conflict rule chose; {@code value} is the winning
     * value, which is written when it is the change's own and kept when it is the current one.
     */
    record ConflictResolved(SystemId target, String subject, String value, String reason) implements Decision {
        public ConflictResolved {
            require(target, subject, reason);
            Objects.requireNonNull(value, "value");
        }

        public String outcome() {
            return "conflict-resolved";
        }
    }

    /** The mapping says this event changes nothing in the target (or does not name the event at all). */
    record NoChange(SystemId target, String subject, String reason) implements Decision {
        public NoChange {
            require(target, subject, reason);
        }

        public String outcome() {
            return "no-change";
        }
    }

    /**
     * Nothing changes in the target now, but the mapping says the status is worth looking at again
     * later (an out-of-office reply says nothing yet).
     *
     * @param retryAfter how long to wait, when the mapping gives a duration; {@code null} when it does not
     */
    record RetryLater(SystemId target, String subject, String reason, Duration retryAfter) implements Decision {
        public RetryLater {
            require(target, subject, reason);
        }

        public String outcome() {
            return "retry-later";
        }

        public Optional<Duration> after() {
            return Optional.ofNullable(retryAfter);
        }
    }

    private static void require(SystemId target, String subject, String reason) {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(reason, "reason");
    }
}
