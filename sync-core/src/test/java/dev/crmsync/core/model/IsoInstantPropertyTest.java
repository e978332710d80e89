package dev.crmsync.core.model;

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
 * Instants are written and read without a formatter on the hot paths (webhook timestamps, field state,
 * the echo guard, the outbox). An instant that came out or went in differently would move an event's
 * time, and with it the order of a person's changes, so the text must be the JDK's both ways.
 */
class IsoInstantPropertyTest {

    @Provide
    Arbitrary<Instant> instants() {
        Arbitrary<Long> seconds = Arbitraries.oneOf(
                Arbitraries.longs().between(-62_300_000_000L, 253_500_000_000L),
                Arbitraries.longs().between(1_500_000_000L, 2_000_000_000L));
        Arbitrary<Integer> nanos = Arbitraries.oneOf(Arbitraries.of(0),
                Arbitraries.integers().between(0, 999).map(ms -> ms * 1_000_000),
                Arbitraries.integers().between(0, 999_999).map(us -> us * 1_000),
                Arbitraries.integers().between(0, 999_999_999));
        return Combinators.combine(seconds, nanos).as(Instant::ofEpochSecond);
    }

    @Provide
    Arbitrary<String> isoTimes() {
        Arbitrary<Instant> instants = Arbitraries.longs().between(-62_000_000_000L, 250_000_000_000L)
                .map(Instant::ofEpochSecond);
        Arbitrary<Integer> nanos = Arbitraries.integers().between(0, 999_999_999);
        Arbitrary<Integer> fractionDigits = Arbitraries.integers().between(0, 9);
        Arbitrary<ZoneOffset> offsets = Arbitraries.integers().between(-18 * 60, 18 * 60)
                .map(minutes -> ZoneOffset.ofTotalSeconds(minutes * 60));
        return Combinators.combine(instants, nanos, fractionDigits, offsets).as((at, nano, digits, offset) -> {
            OffsetDateTime time = at.atOffset(offset);
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

    @Property(tries = 3000)
    void writesWhatInstantToStringWrites(@ForAll("instants") Instant instant) {
        assertThat(IsoInstant.format(instant)).isEqualTo(instant.toString());
        assertThat(IsoInstant.parse(IsoInstant.format(instant))).isEqualTo(instant);
    }

    @Property(tries = 3000)
    void wellFormedTimesReadAsTheJdkReadsThem(@ForAll("isoTimes") String text) {
        assertThat(IsoInstant.parseUsual(text)).isNotNull()
                .isEqualTo(offsetDateTime(text).orElseThrow())
                .isEqualTo(Instant.parse(text));
    }

    @Property(tries = 3000)
    void nearMissesAreLeftToTheJdkOrReadAsItReadsThem(@ForAll("nearMisses") String text) {
        Instant usual = IsoInstant.parseUsual(text);
        if (usual != null) {
            assertThat(Optional.of(usual)).isEqualTo(offsetDateTime(text));
        }
    }

    @Example
    void impossibleDatesAndOffsetsAreLeftToTheJdk() {
        assertThat(IsoInstant.parseUsual("2026-02-29T10:00:00Z")).isNull();
        assertThat(IsoInstant.parseUsual("2026-04-31T10:00:00Z")).isNull();
        assertThat(IsoInstant.parseUsual("2026-01-01T24:00:00Z")).isNull();
        assertThat(IsoInstant.parseUsual("2026-01-01T10:00:00+19:00")).isNull();
        assertThat(IsoInstant.parseUsual("2028-02-29T10:00:00.5-18:00")).isEqualTo(Instant.parse("2028-03-01T04:00:00.5Z"));
    }

    private static String replace(String text, int position, char c) {
        int at = position % text.length();
        return text.substring(0, at) + c + text.substring(at + 1);
    }

    private static Optional<Instant> offsetDateTime(String text) {
        try {
            return Optional.of(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
