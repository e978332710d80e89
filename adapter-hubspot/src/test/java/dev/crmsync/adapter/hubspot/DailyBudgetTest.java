package dev.crmsync.adapter.hubspot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.crmsync.testkit.time.MutableClock;
import java.time.Duration;
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
    void aBackfillAt190PerTenSecondsCannotSpendA650000CallDayInTenHours() {
        // given: a Pro account's budgets, a backfill sending as fast as the ten-second window allows from midnight on
        Instant midnight = Instant.parse("2026-11-24T00:00:00Z");
        MutableClock clock = new MutableClock(midnight);
        DailyBudget daily = new DailyBudget(clock, () -> UTC, true);
        long perDay = 650_000;
        Duration tenSecondPace = Duration.ofSeconds(10).dividedBy(190);
        Instant tenHoursLater = midnight.plus(Duration.ofHours(10));
        long used = 0;
        daily.observe(perDay, perDay);

        // when
        while (clock.instant().isBefore(tenHoursLater)) {
            daily.takeTurn().ifPresent(slot -> clock.set(slot.isAfter(clock.instant()) ? slot : clock.instant()));
            used++;
            daily.observe(perDay, perDay - used);
            clock.advance(tenSecondPace);
        }

        // then: at the ten-second pace the day would be gone after 9.5 hours. The backfill got ten hours' share
        // of the day plus the tenth that may go at full speed; the rest (fourteen hours' share, less that tenth:
        // 48 % of the day) is spread until midnight
        long left = perDay - used;
        assertThat(used).as("calls in ten hours")
                .isLessThanOrEqualTo(perDay * 10 / 24 + perDay / DailyBudget.BURST_SHARE + 10);
        assertThat(left).isGreaterThanOrEqualTo(perDay * 14 / 24 - perDay / DailyBudget.BURST_SHARE - 10);
        Instant first = daily.takeTurn().orElseThrow();
        Duration spacing = Duration.between(first, daily.takeTurn().orElseThrow());
        assertThat(spacing.multipliedBy(left).toMinutes()).as("minutes the rest lasts at this pace")
                .isBetween(13 * 60L, 14 * 60L);
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
