package dev.crmsync.core.port;

import dev.crmsync.core.model.SystemId;
import java.time.Instant;
import java.util.Objects;

/**
 * The last value of one field of one record in one system, as far as the engine knows: either a value
 * the engine planned to write there ({@code source} is the system the value came from), or one that
 * system reported itself ({@code source} is that system). With the time of the observation that set
 * it. This is the last-updated-by-source guard and the audit trail.
 */
public record FieldState(String value, SystemId source, Instant observedAt) {
    public FieldState {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(observedAt, "observedAt");
    }
}
