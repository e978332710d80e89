package dev.crmsync.core.guard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crmsync.core.model.SystemId;
import dev.crmsync.core.port.FieldState;
import dev.crmsync.core.port.InMemoryFieldStateStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The source system's own field state, and our writes coming back. */
class EchoGuardTest {
    private static final SystemId HUBSPOT = SystemId.of("hubspot");
    private static final SystemId INSTANTLY = SystemId.of("instantly");
    private static final String ANN = "ann@acme.example";
    private static final Instant T = Instant.parse("2026-11-01T10:00:00Z");

    private final InMemoryFieldStateStore states = new InMemoryFieldStateStore();
    private final EchoGuard guard = new EchoGuard(states);

    private SourceReport report(String value, Instant at) {
        return guard.observe(HUBSPOT, ANN, Map.of("lifecyclestage", value), at);
    }

    private static boolean isEcho(SourceReport report) {
        return report.echoed().contains("lifecyclestage") && report.fresh().isEmpty();
    }

    @Test
    void valueWeWroteComingBackIsAnEcho() {
        guard.expect(HUBSPOT, ANN, "lifecyclestage", "opportunity", null, INSTANTLY, T);

        SourceReport report = report("opportunity", T.plusSeconds(2));

        assertThat(isEcho(report)).isTrue();
        assertThat(report.decisions()).singleElement().extracting(d -> d.target()).isEqualTo(HUBSPOT);
    }

    @Test
    void realChangeIsFreshAndBecomesTheSourcesOwnState() {
        SourceReport report = report("customer", T);

        assertThat(report.fresh()).containsExactly("lifecyclestage");
        assertThat(states.get(HUBSPOT, ANN, "lifecyclestage")).contains(new FieldState("customer", HUBSPOT, T));
    }

    @Test
    void everyWriteInFlightIsRecognisedOnce() {
        guard.expect(HUBSPOT, ANN, "lifecyclestage", "lead", null, INSTANTLY, T);
        guard.expect(HUBSPOT, ANN, "lifecyclestage", "opportunity", null, INSTANTLY, T.plusSeconds(1));

        assertThat(isEcho(report("lead", T.plusSeconds(5)))).isTrue();
        assertThat(isEcho(report("opportunity", T.plusSeconds(6)))).isTrue();
        assertThat(isEcho(report("opportunity", T.plusSeconds(6)))).as("a replay is still an echo").isTrue();
        assertThat(isEcho(report("lead", T.plusSeconds(60)))).as("lead's echo came before opportunity's").isFalse();
    }

    @Test
    void repeatedReportOfAKnownValueIsNeitherEchoNorFresh() {
        report("customer", T);

        SourceReport again = report("customer", T.plusSeconds(60));

        assertThat(isEcho(again)).isFalse();
        assertThat(again.fresh()).isEmpty();
        assertThat(states.get(HUBSPOT, ANN, "lifecyclestage").map(FieldState::observedAt)).contains(T.plusSeconds(60));
    }

    @Test
    void writeWhoseEchoNeverCameExpiresAfterTheWindow() {
        guard.expect(HUBSPOT, ANN, "lifecyclestage", "lead", null, INSTANTLY, T);

        SourceReport muchLater = report("lead", T.plus(Duration.ofDays(2)));

        assertThat(isEcho(muchLater)).isFalse();
    }

    @Test
    void olderReportDoesNotOverwriteNewerState() {
        report("customer", T.plusSeconds(60));

        SourceReport older = report("lead", T);

        assertThat(older.fresh()).containsExactly("lifecyclestage");
        assertThat(states.get(HUBSPOT, ANN, "lifecyclestage").map(FieldState::value)).contains("customer");
    }
}
