package dev.crmsync.core.port;

import dev.crmsync.core.model.SystemId;
import java.time.Instant;
import java.util.Objects;

/**
 * The last value the engine applied to one field of one record in one system: what, from which
 * source, observed when. This is the last-updated-by-source guard and the audit trail.
 */
public record FieldState(String value, SystemId source, Instant observedAt) {
    public FieldState {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(observedAt, "observedAt");
    }
}
