package dev.crmsync.adapter.instantly;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crmsync.core.model.CanonicalChange;
import dev.crmsync.core.spi.Translation;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** observedAt comes from the payload's timestamp; without one, nothing is ordered by an invented time. */
class InstantlyEventTranslatorTimeTest {
    private final InstantlyEventTranslator translator = new InstantlyEventTranslator();

    private Translation translate(String type, byte[] body) {
        return translator.translate(type, body);
    }

    @Test
    void epochSecondsAreAcceptedAsTheObservationTime() {
        Translation translation = translate("lead_interested",
                InstantlyPayloads.with("lead_interested", Map.of("timestamp", 1769610731)));

        CanonicalChange change = ((Translation.Translated) translation).changes().get(0);
        assertThat(change.observedAt()).isEqualTo(Instant.parse("2026-01-28T14:32:11Z"));
    }

    @ParameterizedTest(name = "{0} without a timestamp is unrecognized")
    @CsvSource({"lead_interested", "lead_meeting_booked", "email_bounced", "lead_unsubscribed",
            "lead_status_changed", "custom_label"})
    void statusLikeEventWithoutTimestampIsUnrecognized(String payload) throws Exception {
        byte[] body = InstantlyPayloads.without(payload, "timestamp");
        String type = translator.parse(body).get(0).eventType();

        Translation translation = translate(type, body);

        assertThat(translation).isEqualTo(Translation.unrecognized("no usable 'timestamp' on '" + type
                + "': a status change needs the time it happened to be ordered against other changes"));
    }

    @Test
    void statusEventWithUnreadableTimestampIsUnrecognized() {
        Translation translation = translate("lead_interested",
                InstantlyPayloads.with("lead_interested", Map.of("timestamp", "last Tuesday")));

        assertThat(translation).isInstanceOf(Translation.Unrecognized.class);
    }

    @Test
    void replyWithoutTimestampStillBecomesANoteObservedAtTheEpoch() {
        Translation translation = translate("reply_received", InstantlyPayloads.without("reply_received", "timestamp"));

        CanonicalChange change = ((Translation.Translated) translation).changes().get(0);
        assertThat(change.observedAt()).isEqualTo(Instant.EPOCH);
        assertThat(change.activities()).singleElement()
                .satisfies(note -> assertThat(note.occurredAt()).isEqualTo(Instant.EPOCH));
    }
}
