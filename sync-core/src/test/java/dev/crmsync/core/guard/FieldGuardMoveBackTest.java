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

/** A forward-only field whose mapping asks for backward moves ({@code move-back: clear-first}). */
class FieldGuardMoveBackTest {
    private static final SystemId HUBSPOT = SystemId.of("hubspot");
    private static final SystemId INSTANTLY = SystemId.of("instantly");
    private static final Instant T1 = Instant.parse("2026-11-01T10:00:00Z");
    private static final Instant T2 = T1.plusSeconds(60);
    private static final List<String> STAGES = List.of("lead", "salesqualifiedlead", "opportunity", "customer");
    private static final Optional<FieldRule> MOVES_BACK = Optional.of(FieldRule.movingBackByClearing("lifecyclestage",
            STAGES));

    private final FieldGuard guard = new FieldGuard(new InMemoryFieldStateStore());

    private Decision check(String value, Instant at) {
        return guard.check(HUBSPOT, "ann@acme.example", "lifecyclestage", value, INSTANTLY, at, MOVES_BACK);
    }

    @Test
    void aNewerValueBehindTheCurrentStageIsWritten() {
        check("customer", T1);
        assertThat(check("salesqualifiedlead", T2)).isInstanceOf(Decision.Applied.class);
        assertThat(MOVES_BACK.get().isBackward("customer", "salesqualifiedlead")).isTrue();
    }

    @Test
    void anOlderValueBehindTheCurrentStageIsStillDropped() {
        check("customer", T2);
        assertThat(check("salesqualifiedlead", T1)).isInstanceOf(Decision.SkippedStale.class);
    }

    @Test
    void forwardMovesStayMaxRankWhateverTheirTime() {
        check("salesqualifiedlead", T2);
        assertThat(check("customer", T1)).isInstanceOf(Decision.Applied.class);
    }

    @Test
    void anEmptyStageIsNotAMoveBack() {
        assertThat(MOVES_BACK.get().isBackward("", "lead")).isFalse();
        assertThat(MOVES_BACK.get().isBackward(null, "lead")).isFalse();
        assertThat(FieldRule.forwardOnly("lifecyclestage", STAGES).clearsToMoveBack()).isFalse();
    }
}
