package dev.crmsync.adapter.instantly;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Reads Instantly's {@code timestamp}: ISO-8601 with a zone or offset, as documented; epoch seconds or
 * milliseconds (a number or a string of digits) are accepted too, for signing proxies and replays.
 */
final class InstantlyTimestamps {
    // Below this an epoch number means seconds (up to the year 5138), at or above it milliseconds.
    private static final long MILLIS_THRESHOLD = 100_000_000_000L;

    private InstantlyTimestamps() {
    }

    static Optional<Instant> parse(JsonNode node) {
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return fromEpoch(node.longValue());
        }
        if (node.isNumber()) {
            double value = node.doubleValue();
            if (!Double.isFinite(value) || value < 0 || value >= Long.MAX_VALUE / 1000.0) {
                return Optional.empty();
            }
            return Optional.of(Instant.ofEpochMilli(Math.round(value >= MILLIS_THRESHOLD ? value : value * 1000)));
        }
        if (!node.isString()) {
            return Optional.empty();
        }
        return parse(node.stringValue().strip());
    }

    static Optional<Instant> parse(String text) {
        if (text.isEmpty()) {
            return Optional.empty();
        }
        if (text.length() <= 18 && text.chars().allMatch(Character::isDigit)) {
            return fromEpoch(Long.parseLong(text));
        }
        Instant common = commonShape(text);
        if (common != null) {
            return Optional.of(common);
        }
        try {
            return Optional.of(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException e) {
            // Not ISO-8601 with an offset: the caller treats the time as unknown.
            return Optional.empty();
        }
    }

    /**
     * The shape Instantly sends, {@code 2026-11-24T10:00:00[.fraction](Z|+hh:mm)}, read without a formatter
     * ({@link OffsetDateTime#parse} was a twelfth of the webhook path's CPU); {@code null} for anything else,
     * which then goes to {@link OffsetDateTime#parse}. What this accepts, it reads as that would.
     */
    static Instant commonShape(String t) {
        int n = t.length();
        if (n < 20 || t.charAt(4) != '-' || t.charAt(7) != '-' || t.charAt(10) != 'T' || t.charAt(13) != ':'
                || t.charAt(16) != ':') {
            return null;
        }
        int year = digits(t, 0, 4);
        int month = digits(t, 5, 2);
        int day = digits(t, 8, 2);
        int hour = digits(t, 11, 2);
        int minute = digits(t, 14, 2);
        int second = digits(t, 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31 || hour < 0 || hour > 23 || minute < 0
                || minute > 59 || second < 0 || second > 59) {
            return null;
        }
        int i = 19;
        int nanos = 0;
        if (t.charAt(i) == '.') {
            int start = ++i;
            while (i < n && i - start < 9 && t.charAt(i) >= '0' && t.charAt(i) <= '9') {
                nanos = nanos * 10 + (t.charAt(i++) - '0');
            }
            if (i == start) {
                return null;
            }
            for (int k = i - start; k < 9; k++) {
                nanos *= 10;
            }
        }
        int offsetSeconds;
        if (i == n - 1 && t.charAt(i) == 'Z') {
            offsetSeconds = 0;
        } else if (i == n - 6 && (t.charAt(i) == '+' || t.charAt(i) == '-') && t.charAt(i + 3) == ':') {
            int hours = digits(t, i + 1, 2);
            int minutes = digits(t, i + 4, 2);
            if (hours < 0 || minutes < 0 || minutes > 59 || hours * 60 + minutes > 18 * 60) {
                return null;
            }
            offsetSeconds = (t.charAt(i) == '-' ? -1 : 1) * (hours * 3600 + minutes * 60);
        } else {
            return null;
        }
        if (day > 28 && day > YearMonth.of(year, month).lengthOfMonth()) {
            return null;
        }
        long epochDay = LocalDate.of(year, month, day).toEpochDay();
        return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3600L + minute * 60L + second - offsetSeconds, nanos);
    }

    /** The non-negative number written by {@code length} ASCII digits at {@code from}, or -1. */
    private static int digits(String t, int from, int length) {
        int value = 0;
        for (int i = from; i < from + length; i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static Optional<Instant> fromEpoch(long value) {
        if (value < 0) {
            return Optional.empty();
        }
        return Optional.of(value >= MILLIS_THRESHOLD ? Instant.ofEpochMilli(value) : Instant.ofEpochSecond(value));
    }
}
