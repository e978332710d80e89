package dev.crmsync.mappings;

import java.time.Duration;

/** Durations as the mapping file writes them: a whole number and a unit, e.g. {@code 90s}, {@code 72h}, {@code 2d}. */
final class Durations {
    private Durations() {
    }

    /** Reads a duration the schema accepted ({@code ^[0-9]+(s|m|h|d)$}). */
    static Duration parse(String text) {
        long amount = Long.parseLong(text.substring(0, text.length() - 1));
        return switch (text.charAt(text.length() - 1)) {
            case 's' -> Duration.ofSeconds(amount);
            case 'm' -> Duration.ofMinutes(amount);
            case 'h' -> Duration.ofHours(amount);
            case 'd' -> Duration.ofDays(amount);
            default -> throw new IllegalArgumentException("not a duration: '" + text + "' (expected e.g. 72h)");
        };
    }
}
