package dev.crmsync.service.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crmsync.core.spi.ParsedEvent;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The checks a webhook body passes after authentication and before it is parsed or stored. */
class WebhookInputChecksTest {

    private static ParsedEvent event(String type, String email) {
        return new ParsedEvent(type, "key-1", email, null, new byte[] {'{', '}'});
    }

    @Test
    void overlongUtf8IsRefusedNamingTheOffset() {
        byte[] body = {'{', '"', 'a', '"', ':', '"', (byte) 0xC0, (byte) 0xAF, '"', '}'};
        assertThat(Utf8Body.problem(body)).hasValueSatisfying(p -> assertThat(p).contains("not valid UTF-8")
                .contains("offset 6"));
    }

    @Test
    void multiByteUtf8IsAccepted() {
        assertThat(Utf8Body.problem("{\"name\":\"Zoë Ünal 日本 🙂\"}".getBytes(StandardCharsets.UTF_8))).isEmpty();
    }

    @Test
    void aNulCharacterInTheEmailIsNamed() {
        assertThat(StorableEvents.problem(List.of(event("reply_received", "a\u0000b@acme.example"))))
                .hasValueSatisfying(p -> assertThat(p).contains("email address").contains("NUL"));
    }

    @Test
    void anOverlongEventTypeIsRefusedWithItsLengthAndTheLimit() {
        assertThat(StorableEvents.problem(List.of(event("x".repeat(101), null))))
                .hasValueSatisfying(p -> assertThat(p).contains("event type is 101 characters long; at most 100"));
    }

    @Test
    void theBadEventOfABatchIsNamedByItsIndex() {
        List<ParsedEvent> batch = List.of(event("a", "a@acme.example"), event("b", "x".repeat(400)));
        assertThat(StorableEvents.problem(batch)).hasValueSatisfying(p -> assertThat(p).startsWith("event [1] of 2:"));
    }

    @Test
    void ordinaryEventsPass() {
        assertThat(StorableEvents.problem(List.of(event("reply_received", "ann@acme.example"), event("x", null))))
                .isEmpty();
    }

    @Test
    void jsonContentTypesWithParametersOrASuffixAreAccepted() {
        for (String type : new String[] {"application/json", "application/json; charset=utf-8",
                "application/vnd.hubspot+json", "APPLICATION/JSON", ""}) {
            assertThat(JsonContentType.problem(type)).as(type).isEmpty();
        }
        assertThat(JsonContentType.problem(null)).isEmpty();
    }

    @Test
    void otherContentTypesAreRefusedNamingWhatWasSent() {
        assertThat(JsonContentType.problem("application/x-www-form-urlencoded"))
                .hasValueSatisfying(p -> assertThat(p).contains("'application/x-www-form-urlencoded' is not JSON"));
        assertThat(JsonContentType.problem("text/plain")).isPresent();
        assertThat(JsonContentType.problem(";;not a type")).isPresent();
    }
}
