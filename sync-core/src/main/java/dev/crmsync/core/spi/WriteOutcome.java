package dev.crmsync.core.spi;

import java.util.Collection;
import java.util.Objects;
import java.util.Optional;

/** What happened to one {@link OutboundItem}. */
public sealed interface WriteOutcome permits WriteOutcome.Written, WriteOutcome.Failed {

    static WriteOutcome written(String externalId, String detail) {
        return new Written(externalId, detail);
    }

    static WriteOutcome failed(AdapterException error) {
        return new Failed(error);
    }

    /**
     * The first transient error when every outcome failed transiently (nothing in the write was settled), so a
     * writer can throw it and have the dispatcher retry the whole batch; empty otherwise.
     */
    static Optional<TransientAdapterException> allTransient(Collection<WriteOutcome> outcomes) {
        TransientAdapterException first = null;
        for (WriteOutcome outcome : outcomes) {
            if (outcome instanceof Failed failed && failed.error() instanceof TransientAdapterException t) {
                first = first == null ? t : first;
            } else {
                return Optional.empty();
            }
        }
        return Optional.ofNullable(first);
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
