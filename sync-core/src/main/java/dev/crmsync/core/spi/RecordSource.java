package dev.crmsync.core.spi;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Pages through a system's current records, for backfill and reconcile jobs. Each record comes back as a
 * {@link ParsedEvent} of a snapshot type (e.g. {@code lead.snapshot}) that the system's own
 * {@link EventTranslator} translates like any event, so backfilled records go through the same rules,
 * idempotency and loop guard as live traffic. Calls the system's API under the adapter's rate budget;
 * thread-safe.
 */
public interface RecordSource {

    /**
     * Reads one page.
     *
     * @param query      what to read
     * @param pageCursor the cursor the previous page returned, or null for the first page
     * @throws AdapterException when the system could not answer; the caller retries the same cursor
     */
    Page page(Query query, String pageCursor);

    /**
     * @param changedSince only records changed at or after this instant; null for all
     * @param scopes       system-specific narrowing (Instantly campaign ids; Salesforce object names);
     *                     empty for all
     * @param pageSize     the most records wanted in one page (the source may return fewer)
     */
    record Query(Instant changedSince, List<String> scopes, int pageSize) {
        public Query {
            scopes = List.copyOf(scopes);
            if (pageSize < 1) {
                throw new IllegalArgumentException("pageSize must be at least 1, was " + pageSize);
            }
        }
    }

    /**
     * @param records    the records as snapshot events
     * @param nextCursor the cursor of the next page, or null when this was the last one
     */
    record Page(List<ParsedEvent> records, String nextCursor) {
        public Page {
            records = List.copyOf(records);
        }

        public boolean last() {
            return nextCursor == null;
        }
    }
}
