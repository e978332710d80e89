package dev.crmsync.core.guard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crmsync.core.mapping.FieldRule;
import dev.crmsync.core.model.Decision;
import dev.crmsync.core.model.SystemId;
import dev.crmsync.core.port.InMemoryFieldStateStore;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FieldGuardTest {
    private static final SystemId HUBSPOT = SystemId.of("hubspot");
    private static final SystemId INSTANTLY = SystemId.of("instantly");
    private static final Instant T1 = Instant.parse("2026-11-01T10:00:00Z");
    private static final Instant T2 = T1.plusSeconds(60);
    private static final Optional<FieldRule> LIFECYCLE = Optional.of(FieldRule.forwardOnly("lifecyclestage",
            List.of("lead", "salesqualifiedlead", "opportunity", "other")));

    private final FieldGuard guard = new FieldGuard(new InMemoryFieldStateStore());

    private Decision check(String field, String value, Instant at, Optional<FieldRule> rule) {
        return guard.check(HUBSPOT, "ann@acme.example", field, value, INSTANTLY, at, rule);
    }

    @Test
    void appliesAFirstValue() {
        assertThat(check("hs_lead_status", "CONNECTED", T1, Optional.empty())).isInstanceOf(Decision.Applied.class);
    }

    @Test
    void dropsAChangeObservedBeforeTheAppliedValue() {
        check("hs_lead_status", "UNQUALIFIED", T2, Optional.empty());
        Decision older = check("hs_lead_status", "CONNECTED", T1, Optional.empty());
        assertThat(older).isInstanceOf(Decision.SkippedStale.class);
        assertThat(older.reason()).contains(T1.toString()).contains(T2.toString());
    }

    @Test
    void skipsAnUnchangedValueAsAnEcho() {
        check("hs_lead_status", "CONNECTED", T1, Optional.empty());
        assertThat(check("hs_lead_status", "CONNECTED", T2, Optional.empty())).isInstanceOf(Decision.SkippedEcho.class);
    }

    @Test
    void aNewerObservationOfTheSameValueStillMakesOlderValuesStale() {
        check("hs_lead_status", "CONNECTED", T1, Optional.empty());
        check("hs_lead_status", "CONNECTED", T2.plusSeconds(60), Optional.empty());
        assertThat(check("hs_lead_status", "UNQUALIFIED", T2, Optional.empty()))
                .isInstanceOf(Decision.SkippedStale.class);
    }

    @Test
    void forwardOnlyFieldNeverMovesBackwardWhateverTheTimestamps() {
        check("lifecyclestage", "opportunity", T1, LIFECYCLE);
        Decision backward = check("lifecyclestage", "salesqualifiedlead", T2, LIFECYCLE);
        assertThat(backward).isInstanceOf(Decision.SkippedBackward.class);
        assertThat(check("lifecyclestage", "other", T1.minusSeconds(600), LIFECYCLE))
                .as("a later stage applies even when observed earlier").isInstanceOf(Decision.Applied.class);
    }

    @Test
    void sameInstantTieIsResolvedTheSameWayInEitherOrder() {
        FieldGuard other = new FieldGuard(new InMemoryFieldStateStore());
        check("hs_lead_status", "A", T1, Optional.empty());
        Decision second = check("hs_lead_status", "B", T1, Optional.empty());
        other.check(HUBSPOT, "ann@acme.example", "hs_lead_status", "B", INSTANTLY, T1, Optional.empty());
        Decision reversed = other.check(HUBSPOT, "ann@acme.example", "hs_lead_status", "A", INSTANTLY, T1,
                Optional.empty());
        assertThat(second).isInstanceOf(Decision.Applied.class);
        assertThat(reversed).isInstanceOf(Decision.SkippedStale.class);
    }
}
