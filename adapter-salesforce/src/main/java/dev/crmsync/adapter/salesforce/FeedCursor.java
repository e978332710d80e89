package dev.crmsync.adapter.salesforce;

import dev.crmsync.core.spi.PermanentAdapterException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.Objects;

/**
 * A position in the order {@code (SystemModstamp, Id)}, stored as {@code "<modstamp>|<id>"}: the next poll reads
 * what comes strictly after it. An empty id means "everything at or after the modstamp", the form a poll
 * leaves after it caught up and stepped back by the overlap window.
 */
record FeedCursor(Instant modstamp, String id) implements Comparable<FeedCursor> {
    static final Comparator<FeedCursor> ORDER = Comparator.comparing(FeedCursor::modstamp).thenComparing(FeedCursor::id);

    FeedCursor {
        Objects.requireNonNull(modstamp, "modstamp");
        Objects.requireNonNull(id, "id");
    }

    static FeedCursor at(Instant modstamp) {
        return new FeedCursor(modstamp, "");
    }

    /** @throws PermanentAdapterException when the stored text is not {@code <ISO instant>|<id>} */
    static FeedCursor parse(String text) {
        int bar = text.indexOf('|');
        try {
            return new FeedCursor(Instant.parse(bar < 0 ? text : text.substring(0, bar)),
                    bar < 0 ? "" : text.substring(bar + 1));
        } catch (DateTimeParseException e) {
            throw new PermanentAdapterException("Salesforce change feed: expected a cursor '<ISO instant>|<record id>', "
                    + "found '" + text + "'", 0, e);
        }
    }

    /** The SOQL condition for records after this position. */
    String after() {
        String stamp = Soql.dateTime(modstamp);
        return "(SystemModstamp > " + stamp + " OR (SystemModstamp = " + stamp + " AND Id > " + Soql.quote(id) + "))";
    }

    @Override
    public int compareTo(FeedCursor other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return modstamp + "|" + id;
    }
}
