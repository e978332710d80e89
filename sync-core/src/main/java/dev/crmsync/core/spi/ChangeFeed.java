package dev.crmsync.core.spi;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A system whose changes we poll instead of receiving webhooks (e.g. Salesforce). The host runs one
 * poller per feed across all instances (under a PostgreSQL advisory lock), stores each page's events and
 * the returned cursor in one transaction, and resumes from the stored cursor after a restart. Events are
 * stored through the same path as webhooks, so their {@link ParsedEvent#dedupKey()} must name the record
 * and its version: a page may repeat records from the previous one (overlap windows) and the store drops
 * the repeats.
 */
public interface ChangeFeed {

    /**
     * Reads the next page of changes after {@code cursor}.
     *
     * @param cursor the cursor a previous page returned, or null to start (the feed decides where: e.g.
     *               now minus a look-back)
     * @param limit  the most events the host wants in one page
     * @throws AdapterException when the system could not answer; the cursor is not moved
     */
    Page poll(String cursor, int limit);

    /** How long the host waits between polls when the previous page said there was no more. */
    default Duration interval() {
        return Duration.ofSeconds(10);
    }

    /**
     * One page of changes.
     *
     * @param events     the changes, oldest first; may be empty
     * @param nextCursor where the next poll starts; stored with the events
     * @param more       true when the feed knows more changes are waiting (poll again at once)
     */
    record Page(List<ParsedEvent> events, String nextCursor, boolean more) {
        public Page {
            events = List.copyOf(events);
            Objects.requireNonNull(nextCursor, "nextCursor");
        }
    }
}
