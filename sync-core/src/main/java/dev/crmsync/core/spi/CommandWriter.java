package dev.crmsync.core.spi;

import java.util.List;

/**
 * Writes commands to one target system. Called by that target's dispatcher thread with at most
 * {@link #maxBatchSize()} items, upserts already coalesced (one per person). Must call the
 * context's {@link RateBudget} before each request.
 *
 * <p>Idempotency: upserts are naturally idempotent; activities must be written at most once per
 * {@code Activity.key()}, even when an earlier attempt timed out after the target applied it.
 */
public interface CommandWriter {

    /** The most items one {@link #write} call accepts (HubSpot: 100 inputs per batch call). */
    int maxBatchSize();

    /**
     * Writes the items and reports each one's outcome.
     *
     * @throws TransientAdapterException when the whole call failed and may be retried (429, 5xx,
     *                                   timeout); the dispatcher retries every item
     * @throws AdapterConfigException    when the credentials were refused (401/403)
     */
    WriteResult write(List<OutboundItem> items);
}
