package dev.crmsync.core.mapping;

import java.time.ZoneId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One step of a field mapping's {@code transform} list, applied to the value on its way from the
 * source field to the target field. A step that cannot produce a value (a date that does not parse,
 * a lookup without a match or default) yields empty, and the field is then not written.
 */
public sealed interface Transform permits Transform.LowerCase, Transform.UpperCase, Transform.Trim,
        Transform.DateFormat, Transform.Lookup {

    Optional<String> apply(String value);

    /** The step as the mapping file names it, for decisions. */
    String name();

    record LowerCase() implements Transform {
        public Optional<String> apply(String value) {
            return Optional.of(value.toLowerCase(Locale.ROOT));
        }

        public String name() {
            return "lower-case";
        }
    }

    record UpperCase() implements Transform {
        public Optional<String> apply(String value) {
            return Optional.of(value.toUpperCase(Locale.ROOT));
        }

        public String name() {
            return "upper-case";
        }
    }

    /** Strips leading and trailing white space (Unicode-aware). */
    record Trim() implements Transform {
        public Optional<String> apply(String value) {
            return Optional.of(value.strip());
        }

        public String name() {
            return "trim";
        }
    }

    /**
     * Reads a date or time (ISO-8601 instant, offset or local date-time, local date, or epoch seconds
     * or milliseconds) and writes it with {@code format}: a {@link java.time.format.DateTimeFormatter}
     * pattern, or {@code iso}, {@code epoch-seconds}, {@code epoch-millis}. Local values are in {@code zone}.
     */
    record DateFormat(String format, ZoneId zone) implements Transform {
        public DateFormat {
            Objects.requireNonNull(format, "format");
            Objects.requireNonNull(zone, "zone");
            DateValues.formatter(format);
        }

        public Optional<String> apply(String value) {
            return DateValues.parse(value, zone).map(instant -> DateValues.format(instant, format, zone));
        }

        public String name() {
            return "date";
        }
    }

    /**
     * Replaces a value by its entry in {@code table}; a value the table does not name becomes
     * {@code fallback}, or no value when there is none.
     */
    record Lookup(Map<String, String> table, Optional<String> fallback) implements Transform {
        public Lookup {
            table = Collections.unmodifiableMap(new LinkedHashMap<>(table));
            Objects.requireNonNull(fallback, "fallback");
            if (table.isEmpty()) {
                throw new IllegalArgumentException("a lookup needs a table with at least one entry");
            }
        }

        public Optional<String> apply(String value) {
            String mapped = table.get(value);
            return mapped != null ? Optional.of(mapped) : fallback;
        }

        public String name() {
            return "lookup";
        }
    }
}
