package dev.crmsync.service.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crmsync.service.worker.BackfillTurns;
import dev.crmsync.testkit.time.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** When backfill may take a request: only while a tenth of the budget stays free for live traffic. */
class TargetRateBudgetTest {
    private static final Instant START = Instant.parse("2026-11-24T12:00:00Z");

    @Test
    void backfillLeavesTheLastTenthOfTheVendorsRollingWindowToLiveTraffic() {
        // given: our own bucket untouched, but HubSpot says only 10 of its 100 are left in its rolling window
        MutableClock clock = new MutableClock(START);
        TargetRateBudget budget = new TargetRateBudget("hubspot", 100, Duration.ofSeconds(10), clock);
        budget.observeRemaining(10, 100);

        // then
        assertThat(budget.hasHeadroom(0.1)).isFalse();

        // when: a second passes without a call, and HubSpot's window frees about 10 more
        clock.advance(Duration.ofMillis(1_100));

        // then
        assertThat(budget.hasHeadroom(0.1)).isTrue();
    }

    @Test
    void beforeTheVendorSaysAnythingOurOwnBucketDecides() {
        TargetRateBudget budget = new TargetRateBudget("hubspot", 10, Duration.ofMinutes(10), new MutableClock(START));
        assertThat(budget.hasHeadroom(0.1)).isTrue();

        for (int i = 0; i < 9; i++) {
            budget.acquire();
        }

        assertThat(budget.hasHeadroom(0.1)).as("1 of 10 left: that one is live traffic's").isFalse();
    }

    @Test
    void backfillCountsOurOwnRequestsOverARollingPeriodNotPerFixedWindow() {
        // given: 90 of 100 requests went out late in one period
        MutableClock clock = new MutableClock(START);
        TargetRateBudget budget = new TargetRateBudget("hubspot", 100, Duration.ofMillis(500), clock);
        for (int i = 0; i < 90; i++) {
            budget.acquire();
        }
        assertThat(budget.hasHeadroom(0.1)).isFalse();

        // when: part of a period later (the limiter's own fixed period may have started afresh meanwhile)
        clock.advance(Duration.ofMillis(400));

        // then: those 90 are still within the last period, rolling, so backfill still waits
        assertThat(budget.hasHeadroom(0.1)).isFalse();

        // when: a full period after them, and the fiftieth kept for the trip to the vendor
        clock.advance(Duration.ofMillis(111));

        // then
        assertThat(budget.hasHeadroom(0.1)).isTrue();
    }

    @Test
    void twoDispatchersAskingAtOnceCannotBothTakeTheLastBackfillCall() {
        // given: 89 of the 90 calls backfill may make in a period are out
        MutableClock clock = new MutableClock(START);
        TargetRateBudget budget = new TargetRateBudget("hubspot", 100, Duration.ofSeconds(10), clock);
        for (int i = 0; i < 89; i++) {
            budget.acquire();
        }
        BackfillTurns turns = budget.backfillTurns(0.1);

        // when: one dispatcher takes the last turn, the other asks before the first has sent
        boolean first = turns.take();
        boolean second = turns.take();

        // then
        assertThat(first).isTrue();
        assertThat(second).as("the turn in flight counts as a call").isFalse();

        // and once the first has sent its call and ended its turn, the period is full: still no turn
        budget.acquire();
        turns.end();
        assertThat(turns.take()).isFalse();

        // until that period (and a fiftieth) has passed
        clock.advance(Duration.ofMillis(10_201));
        assertThat(turns.take()).isTrue();
    }
}
