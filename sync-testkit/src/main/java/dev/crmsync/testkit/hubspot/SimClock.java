package dev.crmsync.testkit.hubspot;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * The time the simulator's access tokens expire by and its daily budget resets by: the system clock
 * unless a test sets its own, so token expiry and the account's midnight can be reached without waiting.
 */
final class SimClock extends Clock {
    private volatile Clock delegate = Clock.systemUTC();

    void set(Clock clock) {
        delegate = Objects.requireNonNull(clock, "clock");
    }

    void reset() {
        delegate = Clock.systemUTC();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the simulator's clock stays in UTC");
    }

    @Override
    public Instant instant() {
        return delegate.instant();
    }
}
