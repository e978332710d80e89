package dev.crmsync.core.rules;

import java.time.Duration;

/** Durations as people read them in decisions: {@code 72 h}, {@code 30 min}, {@code 90 s}. */
final class Durations {
    private Durations() {
    }

    static String text(Duration duration) {
        if (duration.toSecondsPart() != 0 || duration.isZero()) {
            return duration.toSeconds() + " s";
        }
        if (duration.toMinutesPart() != 0) {
            return duration.toMinutes() + " min";
        }
        return duration.toHours() + " h";
    }
}
