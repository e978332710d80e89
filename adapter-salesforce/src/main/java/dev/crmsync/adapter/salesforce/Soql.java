package dev.crmsync.adapter.salesforce;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/** SOQL text: quoted literals (backslash-escaped), date-time literals in whole seconds, IN lists. */
final class Soql {
    /** Salesforce refuses a SOQL statement longer than this, by default. */
    static final int MAX_STATEMENT_CHARS = 100_000;

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);

    private Soql() {
    }

    static String quote(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    /** Salesforce keeps date-times to the second; the literal is the instant truncated to it. */
    static String dateTime(Instant instant) {
        return DATE_TIME.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    static String in(Collection<String> values) {
        return values.stream().map(Soql::quote).collect(Collectors.joining(", ", "(", ")"));
    }

    /**
     * The values in order, split so that each part's {@link #in} list is at most {@code maxChars} characters; a
     * value too long for a list on its own still gets a part of its own (Salesforce then refuses the statement).
     */
    static List<List<String>> inParts(Collection<String> values, int maxChars) {
        List<List<String>> parts = new ArrayList<>();
        List<String> part = new ArrayList<>();
        int length = 2;
        for (String value : values) {
            int added = quote(value).length() + (part.isEmpty() ? 0 : 2);
            if (!part.isEmpty() && length + added > maxChars) {
                parts.add(part);
                part = new ArrayList<>();
                length = 2;
                added -= 2;
            }
            part.add(value);
            length += added;
        }
        if (!part.isEmpty()) {
            parts.add(part);
        }
        return parts;
    }
}
