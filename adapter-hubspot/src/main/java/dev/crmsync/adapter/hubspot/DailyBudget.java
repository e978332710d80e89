package dev.crmsync.adapter.hubspot;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * HubSpot's daily budget ({@code X-HubSpot-RateLimit-Daily} and {@code -Daily-Remaining}), which starts again
 * at midnight in the account's time zone. When nothing is left, no call goes out before that midnight. With
 * pacing on, a tenth of the day's budget may go at the ten-second pace; past that the budget kept in reserve
 * is the share of the day still ahead, and below that line the calls left are spread evenly until midnight,
 * so a backfill cannot spend the whole day in a few hours and leave live traffic nothing. Thread-safe.
 */
final class DailyBudget {
    static final int BURST_SHARE = 10;

    private final Clock clock;
    private final Supplier<ZoneId> zone;
    private final boolean pacing;
    private long max = -1;
    private long remaining = -1;
    private Instant nextSlot = Instant.EPOCH;
    private Instant observedAt = Instant.EPOCH;

    /** @param zone the account's time zone, asked only once a decision depends on its midnight */
    DailyBudget(Clock clock, Supplier<ZoneId> zone, boolean pacing) {
        this.clock = clock;
        this.zone = zone;
        this.pacing = pacing;
    }

    synchronized void observe(long dailyMax, long dailyRemaining) {
        max = dailyMax;
        remaining = dailyRemaining;
        observedAt = clock.instant();
    }

    /** HubSpot answered 429 with policy {@code DAILY}: nothing is left today. */
    synchronized void spent() {
        remaining = 0;
        observedAt = clock.instant();
    }

    /** The account's next midnight, when the daily budget starts again. */
    Instant nextMidnight() {
        ZonedDateTime now = clock.instant().atZone(zone.get());
        return now.toLocalDate().plusDays(1).atStartOfDay(now.getZone()).toInstant();
    }

    /**
     * Takes the next call's turn: the instant before which it must not be sent, or empty when it may go now.
     */
    synchronized Optional<Instant> takeTurn() {
        if (max < 0 || remaining < 0) {
            return Optional.empty();
        }
        long burst = max / BURST_SHARE;
        if (remaining > 0 && (!pacing || max - remaining < burst)) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        // What HubSpot said is about the day it said it on; after that day's midnight the budget is whole again.
        ZonedDateTime local = observedAt.atZone(zone.get());
        LocalDate today = local.toLocalDate();
        Instant midnight = today.plusDays(1).atStartOfDay(local.getZone()).toInstant();
        if (!now.isBefore(midnight)) {
            max = -1;
            remaining = -1;
            return Optional.empty();
        }
        if (remaining <= 0) {
            return Optional.of(midnight);
        }
        Duration left = Duration.between(now, midnight);
        Duration day = Duration.between(today.atStartOfDay(local.getZone()).toInstant(), midnight);
        double reserve = (double) max * left.toMillis() / day.toMillis() - burst;
        if (remaining > reserve) {
            return Optional.empty();
        }
        Duration spacing = left.dividedBy(remaining);
        Instant slot = nextSlot.isAfter(now) ? nextSlot : now;
        nextSlot = slot.plus(spacing);
        remaining--;
        return slot.equals(now) ? Optional.empty() : Optional.of(slot);
    }
}
