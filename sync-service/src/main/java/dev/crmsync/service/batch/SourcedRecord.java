package dev.crmsync.service.batch;

import dev.crmsync.core.spi.ParsedEvent;
import java.util.Objects;

/** One record a system's {@link dev.crmsync.core.spi.RecordSource} gave, as a snapshot event of that system. */
public record SourcedRecord(String system, ParsedEvent event) {
    public SourcedRecord {
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(event, "event");
    }
}
