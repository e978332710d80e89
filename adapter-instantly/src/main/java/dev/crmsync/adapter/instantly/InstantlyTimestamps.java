package dev.crmsync.adapter.instantly;

import dev.crmsync.core.model.IsoInstant;
import java.time.Instant;
import java.time.OffsetDateTime;
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
        Instant common = IsoInstant.parseUsual(text);
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

    private static Optional<Instant> fromEpoch(long value) {
        if (value < 0) {
            return Optional.empty();
        }
        return Optional.of(value >= MILLIS_THRESHOLD ? Instant.ofEpochMilli(value) : Instant.ofEpochSecond(value));
    }
}
