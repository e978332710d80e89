package dev.crmsync.core.rules;

import static dev.crmsync.core.rules.TestMappings.ALL;
import static dev.crmsync.core.rules.TestMappings.HUBSPOT;
import static dev.crmsync.core.rules.TestMappings.INSTANTLY;
import static dev.crmsync.core.rules.TestMappings.T;
import static dev.crmsync.core.rules.TestMappings.decisions;
import static dev.crmsync.core.rules.TestMappings.instantly;
import static dev.crmsync.core.rules.TestMappings.upserted;
import static org.assertj.core.api.Assertions.assertThat;

import dev.crmsync.core.model.CanonicalChange;
import dev.crmsync.core.model.Decision;
import dev.crmsync.core.port.InMemoryFieldStateStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Soft bounces that go on for more than 72 hours without a delivery become a hard bounce. */
class BouncePolicyTest {
    private final Planner planner = new Planner(TestMappings.full(), new InMemoryFieldStateStore());

    private static CanonicalChange soft(Instant at) {
        return instantly("email_bounced", at).withAttributes(Map.of("bounce_type", "soft"));
    }

    private static Instant hours(long h) {
        return T.plus(Duration.ofHours(h));
    }

    @Test
    void softBounceAgainAfter73HoursSuppresses() {
        Plan first = planner.plan(soft(T), ALL);
        Plan second = planner.plan(soft(hours(73)), ALL);

        assertThat(first.commands()).isEmpty();
        assertThat(upserted(second, HUBSPOT)).containsEntry("sync_do_not_contact", "true")
                .containsEntry("sync_engagement_score", "-10");
        assertThat(decisions(second, INSTANTLY, "bounce")).singleElement().satisfies(d -> {
            assertThat(d).isInstanceOf(Decision.Applied.class);
            assertThat(d.reason()).isEqualTo("soft bounce 2, 73 h after the first soft bounce of its run"
                    + " (2026-11-01T10:00:00Z) with no open, click or reply in between, more than 72 h: treated as a hard bounce");
        });
    }

    @Test
    void softThenOpenThenSoftDoesNotSuppress() {
        planner.plan(soft(T), ALL);
        planner.plan(instantly("email_opened", hours(10)).withAttributes(Map.of("campaign_id", "c-1", "step", "1")), ALL);

        Plan later = planner.plan(soft(hours(73)), ALL);

        assertThat(upserted(later, HUBSPOT)).doesNotContainKey("sync_do_not_contact");
        assertThat(decisions(later, INSTANTLY, "bounce")).singleElement().isInstanceOf(Decision.NoChange.class);
    }

    @Test
    void softBouncesWithinTheWindowDoNotSuppress() {
        planner.plan(soft(T), ALL);

        assertThat(planner.plan(soft(hours(72)), ALL).commands()).isEmpty();
    }

    @Test
    void aReplayedSoftBounceIsCountedOnce() {
        planner.plan(soft(T), ALL);
        planner.plan(soft(T), ALL);

        Plan second = planner.plan(soft(hours(1)), ALL);

        assertThat(decisions(second, INSTANTLY, "bounce")).singleElement().extracting(Decision::reason).asString()
                .startsWith("soft bounce 2;");
    }

    @Test
    void softBounceArrivingBeforeTheFirstOfTheRunStillCounts() {
        // given the run's later soft bounce arrived first
        planner.plan(soft(hours(73)), ALL);

        // when the earlier one arrives, the run spans 73 h
        Plan earlier = planner.plan(soft(T), ALL);
        Plan again = planner.plan(soft(hours(74)), ALL);

        assertThat(earlier.commands()).isEmpty();
        assertThat(upserted(again, HUBSPOT)).containsEntry("sync_do_not_contact", "true");
    }
}
