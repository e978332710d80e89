package dev.crmsync.adapter.instantly;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crmsync.core.model.Fingerprint;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Instantly sends no event id: the key is derived, identical for every delivery of one event. */
class InstantlyDedupKeyTest {
    private final InstantlyEventTranslator translator = new InstantlyEventTranslator();

    private String keyOf(byte[] body) throws Exception {
        return translator.parse(body).get(0).dedupKey();
    }

    @Test
    void followsTheDocumentedRecipe() throws Exception {
        String expected = "instantly:" + Fingerprint.sha256Hex("[\"reply_received\",\"ann.lee@northwind.example\","
                + "\"019b7d10-5e2a-7f43-8c1d-2a6e9b4f7c30\",\"2\",\"2026-01-28T14:32:11.042Z\","
                + "\"019c0b7e-6a15-7e8f-b3c2-0d4e5f6a7b8c\"]");

        assertThat(keyOf(InstantlyPayloads.of("reply_received"))).isEqualTo(expected);
    }

    @Test
    void nonReplyEventsLeaveTheEmailIdOut() throws Exception {
        String expected = "instantly:" + Fingerprint.sha256Hex("[\"email_sent\",\"ann.lee@northwind.example\","
                + "\"019b7d10-5e2a-7f43-8c1d-2a6e9b4f7c30\",\"1\",\"2026-01-26T09:02:14.518Z\",null]");

        assertThat(keyOf(InstantlyPayloads.of("email_sent"))).isEqualTo(expected);
    }

    @Test
    void retriedDeliveryGetsTheSameKey() throws Exception {
        byte[] retry = InstantlyPayloads.with("reply_received", Map.of("retry_count", 1, "will_retry", true,
                "timestamp_next_retry", "2026-01-28T14:32:21.042Z",
                "retry_group_id", "019c0b7f-1111-7abc-8def-123456789abc"));

        assertThat(keyOf(retry)).isEqualTo(keyOf(InstantlyPayloads.of("reply_received")));
    }

    @Test
    void theSameLeadWrittenDifferentlyGetsTheSameKey() throws Exception {
        byte[] shouting = InstantlyPayloads.with("reply_received", Map.of("lead_email", " Ann.Lee@Northwind.EXAMPLE "));

        assertThat(keyOf(shouting)).isEqualTo(keyOf(InstantlyPayloads.of("reply_received")));
    }

    @Test
    void anAliasGetsTheKeyOfItsCatalogName() throws Exception {
        byte[] alias = InstantlyPayloads.of("link_clicked");
        byte[] canonical = InstantlyPayloads.with("link_clicked", Map.of("event_type", "email_link_clicked"));

        assertThat(keyOf(alias)).isEqualTo(keyOf(canonical));
    }

    @Test
    void anotherReplyInTheSameSecondGetsAnotherKey() throws Exception {
        byte[] second = InstantlyPayloads.with("reply_received", Map.of("email_id", "019c0b7e-0000-7000-8000-000000000001"));

        assertThat(keyOf(second)).isNotEqualTo(keyOf(InstantlyPayloads.of("reply_received")));
    }

    @Test
    void anotherTimeOrTypeGetsAnotherKey() throws Exception {
        String original = keyOf(InstantlyPayloads.of("email_opened"));

        assertThat(keyOf(InstantlyPayloads.with("email_opened", Map.of("timestamp", "2026-01-26T11:47:04.201Z"))))
                .isNotEqualTo(original);
        assertThat(keyOf(InstantlyPayloads.with("email_opened", Map.of("event_type", "email_sent"))))
                .isNotEqualTo(original);
    }

    @Test
    void withoutATimestampDistinctEventsStayDistinctAndRetriesStayOne() throws Exception {
        byte[] first = InstantlyPayloads.without("email_opened", "timestamp");
        byte[] firstRetried = InstantlyPayloads.with(first, Map.of("retry_count", 2, "will_retry", false));
        byte[] other = InstantlyPayloads.with(first, Map.of("variant", 2));

        String firstKey = keyOf(first);

        assertThat(keyOf(firstRetried)).isEqualTo(firstKey);
        assertThat(keyOf(other)).isNotEqualTo(firstKey);
    }

    @Test
    void keyIsPrefixedHex() throws Exception {
        assertThat(keyOf(InstantlyPayloads.of("lead_interested"))).matches("instantly:[0-9a-f]{64}");
    }
}
