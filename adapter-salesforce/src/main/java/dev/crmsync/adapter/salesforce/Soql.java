package dev.crmsync.adapter.salesforce;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.stream.Collectors;

/** SOQL text: quoted literals (backslash-escaped), date-time literals in whole seconds, IN lists. */
final class Soql {
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
}
