package dev.crmsync.core.spi;

import java.util.List;
import java.util.Map;

/**
 * The outcome of one {@link CommandWriter#write} call.
 *
 * @param outcomes per {@link OutboundItem#key()}; an item missing here is retried as transient
 * @param calls    the HTTP calls made, for the trace and metrics
 */
public record WriteResult(Map<String, WriteOutcome> outcomes, List<Call> calls) {
    public WriteResult {
        outcomes = Map.copyOf(outcomes);
        calls = List.copyOf(calls);
    }

    /**
     * One request to the target.
     *
     * @param operation e.g. {@code contacts/batch/upsert}
     * @param status    the HTTP status, 0 on I/O failure
     * @param items     how many inputs it carried
     * @param millis    how long it took
     */
    public record Call(String operation, int status, int items, long millis) {
    }
}
