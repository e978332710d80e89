package dev.crmsync.core.mapping;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Parsing and formatting for {@link Transform.DateFormat}; pure and locale-independent. */
final class DateValues {
    static final String ISO = "iso";
    static final String EPOCH_SECONDS = "epoch-seconds";
    static final String EPOCH_MILLIS = "epoch-millis";

    private static final Pattern EPOCH = Pattern.compile("-?[0-9]{1,18}");
    // Ten digits of seconds reach the year 2286; a longer number is milliseconds.
    private static final long LARGEST_EPOCH_SECONDS = 99_999_999_999L;

    private DateValues() {
    }

    /**
     * @throws IllegalArgumentException when {@code format} is neither a keyword nor a valid pattern
     */
    static DateTimeFormatter formatter(String format) {
        return switch (format) {
            case ISO, EPOCH_SECONDS, EPOCH_MILLIS -> DateTimeFormatter.ISO_INSTANT;
            default -> DateTimeFormatter.ofPattern(format, Locale.ROOT);
        };
    }

    static Optional<Instant> parse(String text, ZoneId zone) {
        String value = text.strip();
        try {
            if (EPOCH.matcher(value).matches()) {
                long number = Long.parseLong(value);
                return Optional.of(Math.abs(number) > LARGEST_EPOCH_SECONDS
                        ? Instant.ofEpochMilli(number) : Instant.ofEpochSecond(number));
            }
            if (value.length() == 10) {
                return Optional.of(LocalDate.parse(value).atStartOfDay(zone).toInstant());
            }
            if (value.endsWith("Z") || value.matches(".*[+-][0-9]{2}:?[0-9]{2}$")) {
                return Optional.of(OffsetDateTime.parse(value.replaceFirst("([+-][0-9]{2})([0-9]{2})$", "$1:$2"))
                        .toInstant());
            }
            return Optional.of(LocalDateTime.parse(value).atZone(zone).toInstant());
        } catch (DateTimeException | ArithmeticException e) {
            return Optional.empty();
        }
    }

    static String format(Instant instant, String format, ZoneId zone) {
        return switch (format) {
            case ISO -> DateTimeFormatter.ISO_INSTANT.format(instant);
            case EPOCH_SECONDS -> Long.toString(instant.getEpochSecond());
            case EPOCH_MILLIS -> Long.toString(instant.toEpochMilli());
            default -> formatter(format).withZone(zone).format(instant);
        };
    }
}
