package dev.crmsync.core.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.crmsync.core.model.SystemId;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TransformTest {

    @Test
    void caseAndTrimStepsChainInOrder() {
        FieldMapping mapping = new FieldMapping(SystemId.of("instantly"), "custom.seniority", SystemId.of("hubspot"),
                "sync_seniority", List.of(new Transform.Trim(), new Transform.UpperCase()));

        assertThat(mapping.convert("  vp sales ")).contains("VP SALES");
        assertThat(new Transform.LowerCase().apply("ÀB")).contains("àb");
    }

    @ParameterizedTest(name = "{0} as {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            2026-11-01T10:15:30Z       | yyyy-MM-dd    | 2026-11-01
            2026-11-01T23:15:30-02:00  | yyyy-MM-dd    | 2026-11-02
            2026-11-01                 | epoch-millis  | 1793491200000
            1761955200                 | iso           | 2025-11-01T00:00:00Z
            1761955200000              | dd/MM/yyyy    | 01/11/2025
            2026-11-01T10:15:30        | epoch-seconds | 1793528130
            """)
    void dateIsReadFromIsoOrEpochAndWrittenWithThePattern(String input, String format, String expected) {
        assertThat(new Transform.DateFormat(format, ZoneOffset.UTC).apply(input)).contains(expected);
    }

    @Test
    void localTimesAreReadInTheGivenZone() {
        assertThat(new Transform.DateFormat("iso", ZoneId.of("Europe/Paris")).apply("2026-11-01T10:00:00"))
                .contains("2026-11-01T09:00:00Z");
    }

    @Test
    void textThatIsNoDateGivesNoValue() {
        assertThat(new Transform.DateFormat("yyyy-MM-dd", ZoneOffset.UTC).apply("next tuesday")).isEmpty();
    }

    @Test
    void badDatePatternIsRefusedWhenBuilt() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Transform.DateFormat("yyyy-MM-dd bb", ZoneOffset.UTC));
    }

    @Test
    void lookupUsesTheTableThenTheDefault() {
        Transform.Lookup lookup = new Transform.Lookup(Map.of("vp", "executive"), Optional.of("individual"));

        assertThat(lookup.apply("vp")).contains("executive");
        assertThat(lookup.apply("intern")).contains("individual");
        assertThat(new Transform.Lookup(Map.of("vp", "executive"), Optional.empty()).apply("intern")).isEmpty();
    }
}
