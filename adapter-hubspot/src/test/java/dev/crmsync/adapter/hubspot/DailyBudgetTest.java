package dev.crmsync.adapter.hubspot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

/** How the daily budget is paced: a tenth at full speed, then no faster than the day's share still ahead allows. */
class DailyBudgetTest {
    private static final ZoneId UTC = ZoneId.of("UTC");

    @Test
    void belowTheReserveLineWhatIsLeftIsSpreadEvenlyUntilMidnight() {
        // given: noon, 36,000 of 100,000 left; the line is 50,000 - 10,000 burst
        MutableClock clock = new MutableClock(Instant.parse("2026-11-24T12:00:00Z"));
        DailyBudget daily = new DailyBudget(clock, () -> UTC, true);
        daily.observe(100_000, 36_000);

        // then: 12 hours over 36,000 calls, one every 1.2 s
        assertThat(daily.takeTurn()).isEmpty();
        assertThat(daily.takeTurn()).contains(Instant.parse("2026-11-24T12:00:01.200Z"));
        assertThat(daily.takeTurn().orElseThrow()).isCloseTo(Instant.parse("2026-11-24T12:00:02.400Z"),
                within(1, ChronoUnit.MILLIS));
    }

    @Test
    void aboveTheLineCallsGoAtOnce() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-24T12:00:00Z"));
        DailyBudget daily = new DailyBudget(clock, () -> UTC, true);
        daily.observe(100_000, 60_000);

        assertThat(daily.takeTurn()).isEmpty();
        assertThat(daily.takeTurn()).isEmpty();
    }

    @Test
    void theFirstTenthOfTheDayNeedsNoTimeZone() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-24T00:00:01Z"));
        DailyBudget daily = new DailyBudget(clock, () -> {
            throw new AssertionError("the time zone was asked");
        }, true);
        daily.observe(100_000, 95_000);

        assertThat(daily.takeTurn()).isEmpty();
    }

    @Test
    void nothingLeftWaitsForTheAccountsMidnightEvenWithoutPacing() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-24T20:00:00Z"));
        DailyBudget daily = new DailyBudget(clock, () -> ZoneId.of("Europe/Berlin"), false);
        daily.observe(100_000, 0);

        assertThat(daily.takeTurn()).contains(Instant.parse("2026-11-24T23:00:00Z"));
    }

    @Test
    void afterMidnightTheBudgetIsWholeAgain() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-24T20:00:00Z"));
        DailyBudget daily = new DailyBudget(clock, () -> UTC, true);
        daily.spent();
        daily.observe(100_000, 0);

        clock.set(Instant.parse("2026-11-25T00:00:00Z"));

        assertThat(daily.takeTurn()).isEmpty();
    }
}
