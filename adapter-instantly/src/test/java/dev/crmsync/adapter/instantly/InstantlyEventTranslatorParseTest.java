package dev.crmsync.adapter.instantly;

import static dev.crmsync.adapter.instantly.InstantlyPayloads.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmsync.core.spi.MalformedEventException;
import dev.crmsync.core.spi.ParsedEvent;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What ingress stores: type, person, time and raw body; and the 400 messages for bodies it refuses. */
class InstantlyEventTranslatorParseTest {
    private final InstantlyEventTranslator translator = new InstantlyEventTranslator();

    private ParsedEvent parseOne(byte[] body) throws MalformedEventException {
        List<ParsedEvent> events = translator.parse(body);
        assertThat(events).hasSize(1);
        return events.get(0);
    }

    @Test
    void storesOneEventWithItsTypeLeadTimeAndRawBody() throws Exception {
        byte[] body = InstantlyPayloads.of("reply_received");

        ParsedEvent event = parseOne(body);

        assertThat(event.eventType()).isEqualTo("reply_received");
        assertThat(event.email()).isEqualTo("ann.lee@northwind.example");
        assertThat(event.occurredAt()).isEqualTo(Instant.parse("2026-01-28T14:32:11.042Z"));
        assertThat(event.payload()).isEqualTo(body);
    }

    @ParameterizedTest(name = "{0} is stored as {1}")
    @CsvSource({
            "link_clicked, email_link_clicked",
            "sequence_completed, campaign_completed",
            "Reply_Received, reply_received",
            "email_link_clicked, email_link_clicked",
            "Demo Requested, Demo Requested",
            "hot_lead, hot_lead"})
    void normalisesAliasesAndKeepsCustomLabelsAsSent(String sent, String stored) throws Exception {
        ParsedEvent event = parseOne(text("{\"event_type\":\"" + sent + "\",\"timestamp\":\"2026-01-28T14:32:11Z\"}"));

        assertThat(event.eventType()).isEqualTo(stored);
    }

    @Test
    void normalisesTheLeadEmail() throws Exception {
        ParsedEvent event = parseOne(text("{\"event_type\":\"email_opened\",\"lead_email\":\" Ann@X.io \"}"));

        assertThat(event.email()).isEqualTo("ann@x.io");
    }

    @Test
    void accountEventsNameNoPerson() throws Exception {
        ParsedEvent event = parseOne(InstantlyPayloads.of("account_error"));

        assertThat(event.email()).isNull();
        assertThat(event.eventType()).isEqualTo("account_error");
    }

    @ParameterizedTest(name = "timestamp {0} means {1}")
    @CsvSource(delimiter = '|', value = {
            "\"2026-01-28T14:32:11.042Z\"      | 2026-01-28T14:32:11.042Z",
            "\"2026-01-28T15:32:11.042+01:00\" | 2026-01-28T14:32:11.042Z",
            "1769610731                        | 2026-01-28T14:32:11Z",
            "1769610731042                     | 2026-01-28T14:32:11.042Z",
            "\"1769610731\"                    | 2026-01-28T14:32:11Z"})
    void readsIsoAndEpochTimestamps(String json, String expected) throws Exception {
        ParsedEvent event = parseOne(text("{\"event_type\":\"email_sent\",\"timestamp\":" + json + "}"));

        assertThat(event.occurredAt()).isEqualTo(Instant.parse(expected));
    }

    @ParameterizedTest(name = "timestamp {0} is unknown")
    @CsvSource(delimiter = '|', value = {"\"yesterday\"", "\"2026-01-28 14:32\"", "null", "true", "{}"})
    void unreadableTimestampIsStoredAsUnknown(String json) throws Exception {
        ParsedEvent event = parseOne(text("{\"event_type\":\"email_sent\",\"timestamp\":" + json + "}"));

        assertThat(event.occurredAt()).isNull();
    }

    @Test
    void refusesBodyThatIsNotJsonSayingWhere() {
        assertThatThrownBy(() -> translator.parse(text("{\"event_type\": reply_received}")))
                .isInstanceOf(MalformedEventException.class)
                .hasMessage("body is not valid JSON: Unrecognized token 'reply_received': was expecting (JSON String, "
                        + "Number, Array, Object or token 'null', 'true' or 'false') (line 1, column 16)");
    }

    @Test
    void refusesTruncatedJson() {
        assertThatThrownBy(() -> translator.parse(text("{\"event_type\":\"reply_received\"")))
                .hasMessage("body is not valid JSON: Unexpected end-of-input: expected close marker for Object "
                        + "(line 1, column 31)");
    }

    @Test
    void refusesTwoDocumentsInOneBody() {
        assertThatThrownBy(() -> translator.parse(text("{\"event_type\":\"a\"} {\"event_type\":\"b\"}")))
                .hasMessageStartingWith("body is not valid JSON: Trailing token");
    }

    @Test
    void refusesEmptyBody() {
        assertThatThrownBy(() -> translator.parse(new byte[0]))
                .isInstanceOf(MalformedEventException.class)
                .hasMessage("body is not valid JSON: the body is empty");
    }

    @ParameterizedTest(name = "{0} is refused as {1}")
    @CsvSource(delimiter = '|', value = {
            "[{\"event_type\":\"reply_received\"}] | array",
            "\"reply_received\"                    | string",
            "42                                    | number",
            "true                                  | boolean",
            "null                                  | null"})
    void refusesBodyThatIsNotAnObject(String json, String kind) {
        assertThatThrownBy(() -> translator.parse(text(json)))
                .isInstanceOf(MalformedEventException.class)
                .hasMessage("body must be a JSON object, found " + kind);
    }

    @Test
    void refusesObjectWithoutEventType() {
        assertThatThrownBy(() -> translator.parse(text("{\"lead_email\":\"ann@x.io\"}")))
                .isInstanceOf(MalformedEventException.class)
                .hasMessage("missing 'event_type'");
    }

    @ParameterizedTest(name = "event_type {0} is refused")
    @CsvSource(delimiter = '|', value = {"\"\"", "\"   \"", "7", "null", "[\"reply_received\"]"})
    void refusesEventTypeThatIsNotANonEmptyString(String json) {
        assertThatThrownBy(() -> translator.parse(text("{\"event_type\":" + json + "}")))
                .isInstanceOf(MalformedEventException.class)
                .hasMessage("'event_type' must be a non-empty string");
    }
}
