package dev.crmsync.core.spi;

import java.util.Objects;

/** What happened to one {@link OutboundItem}. */
public sealed interface WriteOutcome permits WriteOutcome.Written, WriteOutcome.Failed {

    static WriteOutcome written(String externalId, String detail) {
        return new Written(externalId, detail);
    }

    static WriteOutcome failed(AdapterException error) {
        return new Failed(error);
    }

    /**
     * @param externalId the record's id in the target (contact id, note id), or null if unknown
     * @param detail     a short summary for the trace (e.g. {@code "HTTP 200 batch/upsert"}), no personal data
     */
    record Written(String externalId, String detail) implements WriteOutcome {
    }

    /** This item failed on its own (e.g. one bad input in a 207 answer); the others did not. */
    record Failed(AdapterException error) implements WriteOutcome {
        public Failed {
            Objects.requireNonNull(error, "error");
        }
    }
}
