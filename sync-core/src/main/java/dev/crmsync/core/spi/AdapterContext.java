package dev.crmsync.core.spi;

import java.time.Clock;
import java.util.Objects;

/**
 * What the host gives every adapter.
 *
 * @param clock     the time source; adapters never call {@code Instant.now()} directly
 * @param rateLimit the host's budget for this adapter's outbound calls; call
 *                  {@link RateBudget#acquire()} before every HTTP request
 * @param clientId  the name our writes carry so the systems (and our loop guard) can tell them apart
 */
public record AdapterContext(Clock clock, RateBudget rateLimit, String clientId) {
    public AdapterContext {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(rateLimit, "rateLimit");
        Objects.requireNonNull(clientId, "clientId");
    }

    public static AdapterContext unlimited(Clock clock) {
        return new AdapterContext(clock, RateBudget.UNLIMITED, "crm-sync");
    }
}
