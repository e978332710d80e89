package dev.crmsync.core.guard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crmsync.core.mapping.ConflictRule;
import dev.crmsync.core.mapping.FieldRule;
import dev.crmsync.core.model.Decision;
import dev.crmsync.core.model.SystemId;
import dev.crmsync.core.port.InMemoryFieldStateStore;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** When the current value came from another system, the group's conflict rule decides, and says how. */
class FieldGuardConflictTest {
    private static final SystemId SALESFORCE = SystemId.of("salesforce");
    private static final SystemId HUBSPOT = SystemId.of("hubspot");
    private static final SystemId INSTANTLY = SystemId.of("instantly");
    private static final Instant T1 = Instant.parse("2026-11-01T10:01:00Z");
    private static final Instant T2 = Instant.parse("2026-11-01T10:02:00Z");
    private static final Optional<ConflictRule> HUBSPOT_FIRST = Optional.of(ConflictRule.priority(List.of(HUBSPOT, INSTANTLY)));
    private static final Optional<ConflictRule> LATEST = Optional.of(ConflictRule.latestWins());

    private final FieldGuard guard = new FieldGuard(new InMemoryFieldStateStore());

    private Decision check(String value, SystemId source, Instant at, Optional<ConflictRule> conflict) {
        return guard.check(SALESFORCE, "ann@acme.example", "Status", value, source, at, Optional.empty(), conflict);
    }

    @Test
    void higherPriorityValueIsKeptWhateverTheTimes() {
        check("A", HUBSPOT, T1, HUBSPOT_FIRST);

        Decision later = check("B", INSTANTLY, T2, HUBSPOT_FIRST);

        assertThat(later).isEqualTo(new Decision.ConflictResolved(SALESFORCE, "Status", "A",
                "hubspot wins by priority over instantly; the current value stays"));
        assertThat(FieldGuard.writes(later, "B")).isFalse();
    }

    @Test
    void higherPriorityValueReplacesALowerOneEvenWhenOlder() {
        check("B", INSTANTLY, T2, HUBSPOT_FIRST);

        Decision older = check("A", HUBSPOT, T1, HUBSPOT_FIRST);

        assertThat(older).isEqualTo(new Decision.ConflictResolved(SALESFORCE, "Status", "A",
                "hubspot wins by priority over instantly"));
        assertThat(FieldGuard.writes(older, "A")).isTrue();
    }

    @Test
    void prioritySettlesTheSameInEitherOrder() {
        FieldGuard other = new FieldGuard(new InMemoryFieldStateStore());
        check("B", INSTANTLY, T2, HUBSPOT_FIRST);
        check("A", HUBSPOT, T1, HUBSPOT_FIRST);
        other.check(SALESFORCE, "ann@acme.example", "Status", "A", HUBSPOT, T1, Optional.empty(), HUBSPOT_FIRST);
        other.check(SALESFORCE, "ann@acme.example", "Status", "B", INSTANTLY, T2, Optional.empty(), HUBSPOT_FIRST);

        // the winner's next, slightly newer value applies in both histories
        Decision here = check("C", HUBSPOT, T1.plusSeconds(1), HUBSPOT_FIRST);
        Decision there = other.check(SALESFORCE, "ann@acme.example", "Status", "C", HUBSPOT, T1.plusSeconds(1),
                Optional.empty(), HUBSPOT_FIRST);
        assertThat(here).isInstanceOf(Decision.Applied.class);
        assertThat(there).isInstanceOf(Decision.Applied.class);
    }

    @Test
    void latestObservationWinsAndTheReasonNamesBothTimes() {
        check("A", HUBSPOT, T1, LATEST);

        Decision newer = check("B", INSTANTLY, T2, LATEST);

        assertThat(newer).isEqualTo(new Decision.ConflictResolved(SALESFORCE, "Status", "B",
                "latest observation wins: 2026-11-01T10:02:00Z from instantly after 2026-11-01T10:01:00Z from hubspot"));
    }

    @Test
    void olderObservationFromAnotherSystemLosesAsAConflictNotAsStale() {
        check("A", HUBSPOT, T2, LATEST);

        Decision older = check("B", INSTANTLY, T1, LATEST);

        assertThat(older).isInstanceOf(Decision.ConflictResolved.class);
        assertThat(((Decision.ConflictResolved) older).value()).isEqualTo("A");
    }

    @Test
    void forwardOnlyStillNeverMovesBackUnderAConflictRule() {
        Optional<FieldRule> stages = Optional.of(FieldRule.forwardOnly("Status", List.of("new", "working", "closed")));
        guard.check(SALESFORCE, "ann@acme.example", "Status", "closed", HUBSPOT, T1, stages, LATEST);

        Decision backward = guard.check(SALESFORCE, "ann@acme.example", "Status", "working", INSTANTLY, T2, stages, LATEST);

        assertThat(backward).isInstanceOf(Decision.SkippedBackward.class);
    }
}
