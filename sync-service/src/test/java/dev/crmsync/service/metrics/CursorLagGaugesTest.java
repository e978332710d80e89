package dev.crmsync.service.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The cursor lag is measured from the time a cursor names, when it names one. */
class CursorLagGaugesTest {

    @Test
    void readsIsoInstantCursors() {
        assertThat(CursorLagGauges.cursorTime("2026-01-01T00:00:00.003Z")).contains(Instant.parse("2026-01-01T00:00:00.003Z"));
        assertThat(CursorLagGauges.cursorTime("2026-01-01T02:00:00+02:00")).contains(Instant.parse("2026-01-01T00:00:00Z"));
    }

    @Test
    void readsSalesforceStyleOffsetsAndTimeFirstCompoundCursors() {
        assertThat(CursorLagGauges.cursorTime("2026-01-01T00:00:00.000+0000")).contains(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(CursorLagGauges.cursorTime("2026-01-01T00:00:00Z|00Q5e000001")).contains(Instant.parse("2026-01-01T00:00:00Z"));
    }

    @Test
    void opaqueCursorsNameNoTime() {
        assertThat(CursorLagGauges.cursorTime("eyJwYWdlIjozfQ==")).isEmpty();
        assertThat(CursorLagGauges.cursorTime("12345")).isEmpty();
    }
}
