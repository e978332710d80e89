package dev.crmsync.adapter.instantly;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Instantly's timestamps are read by a hand-written parser for their usual shape, with
 * {@link OffsetDateTime#parse} behind it. Whatever the short path accepts must come out as the formatter
 * reads it, or an event's time (and the order of a person's changes) would move.
 */
class InstantlyTimestampsPropertyTest {

    @Provide
    Arbitrary<String> isoTimes() {
        Arbitrary<Instant> instants = Arbitraries.longs().between(-62_000_000_000L, 250_000_000_000L)
                .map(Instant::ofEpochSecond);
        Arbitrary<Integer> nanos = Arbitraries.integers().between(0, 999_999_999);
        Arbitrary<Integer> fractionDigits = Arbitraries.integers().between(0, 9);
        Arbitrary<ZoneOffset> offsets = Arbitraries.integers().between(-18 * 60, 18 * 60)
                .map(minutes -> ZoneOffset.ofTotalSeconds(minutes * 60));
        return Combinators.combine(instants, nanos, fractionDigits, offsets).as((at, nano, digits, offset) -> {
            OffsetDateTime time = at.atOffset(offset).withNano(0);
            String text = String.format("%04d-%02d-%02dT%02d:%02d:%02d", time.getYear(), time.getMonthValue(),
                    time.getDayOfMonth(), time.getHour(), time.getMinute(), time.getSecond());
            if (digits > 0) {
                text += "." + String.format("%09d", nano).substring(0, digits);
            }
            return text + (offset.getTotalSeconds() == 0 && nano % 2 == 0 ? "Z" : offset.getId().replace("Z", "+00:00"));
        });
    }

    /** Near misses: a well-formed time with one or two characters replaced by digits, separators or letters. */
    @Provide
    Arbitrary<String> nearMisses() {
        Arbitrary<Character> chars = Arbitraries.of('0', '1', '2', '3', '5', '9', '-', ':', 'T', 't', '.', 'Z', 'z', '+', ' ');
        Arbitrary<Integer> positions = Arbitraries.integers().between(0, 40);
        return Combinators.combine(isoTimes(), positions, chars, positions, chars)
                .as((text, p1, c1, p2, c2) -> replace(replace(text, p1, c1), p2, c2));
    }

    private static String replace(String text, int position, char c) {
        int at = position % text.length();
        return text.substring(0, at) + c + text.substring(at + 1);
    }

    @Property(tries = 3000)
    void wellFormedTimesReadAsTheFormatterReadsThem(@ForAll("isoTimes") String text) {
        assertThat(InstantlyTimestamps.commonShape(text)).isNotNull().isEqualTo(formatter(text).orElseThrow());
    }

    @Property(tries = 3000)
    void nearMissesAreEitherLeftToTheFormatterOrReadAsItReadsThem(@ForAll("nearMisses") String text) {
        Instant fast = InstantlyTimestamps.commonShape(text);
        if (fast != null) {
            assertThat(Optional.of(fast)).isEqualTo(formatter(text));
        }
        assertThat(InstantlyTimestamps.parse(text)).isEqualTo(formatter(text));
    }

    @Example
    void impossibleDatesAndOffsetsAreNotTimes() {
        assertThat(InstantlyTimestamps.parse("2026-02-29T10:00:00Z")).isEmpty();
        assertThat(InstantlyTimestamps.parse("2026-04-31T10:00:00Z")).isEmpty();
        assertThat(InstantlyTimestamps.parse("2026-01-01T24:00:00Z")).isEmpty();
        assertThat(InstantlyTimestamps.parse("2026-01-01T10:00:00+19:00")).isEmpty();
        assertThat(InstantlyTimestamps.parse("2028-02-29T10:00:00.5-18:00"))
                .contains(Instant.parse("2028-03-01T04:00:00.5Z"));
    }

    private static Optional<Instant> formatter(String text) {
        try {
            return Optional.of(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

}
