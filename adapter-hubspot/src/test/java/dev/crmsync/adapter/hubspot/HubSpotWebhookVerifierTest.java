package dev.crmsync.adapter.hubspot;

import static dev.crmsync.adapter.hubspot.HubSpotWebhookRequests.BODY;
import static dev.crmsync.adapter.hubspot.HubSpotWebhookRequests.SECRET;
import static dev.crmsync.adapter.hubspot.HubSpotWebhookRequests.URI_TEXT;
import static dev.crmsync.adapter.hubspot.HubSpotWebhookRequests.millisFromReceipt;
import static dev.crmsync.adapter.hubspot.HubSpotWebhookRequests.request;
import static dev.crmsync.adapter.hubspot.HubSpotWebhookRequests.signedHeaders;
import static org.assertj.core.api.Assertions.assertThat;

import dev.crmsync.core.config.Secret;
import dev.crmsync.core.spi.Verification;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Signature v3: base64 HMAC-SHA256 of method + URI + raw body + timestamp, under the client secret. */
class HubSpotWebhookVerifierTest {
    private final HubSpotWebhookVerifier verifier = new HubSpotWebhookVerifier(Secret.of(SECRET));

    private Verification verify(String uri, Map<String, String> headers, byte[] body) {
        return verifier.verify(request(uri, headers, body));
    }

    @Test
    void acceptsSignatureOverMethodUriBodyAndTimestamp() {
        String timestamp = millisFromReceipt(-1_500);

        Verification result = verify(URI_TEXT, signedHeaders(SECRET, URI_TEXT, BODY, timestamp), BODY);

        assertThat(result).isEqualTo(Verification.verified("hubspot-signature-v3"));
    }

    @Test
    void headerNamesAreMatchedIgnoringCase() {
        String timestamp = millisFromReceipt(0);
        Map<String, String> lower = new HashMap<>();
        signedHeaders(SECRET, URI_TEXT, BODY, timestamp).forEach((name, value) -> lower.put(name.toLowerCase(), value));

        assertThat(verify(URI_TEXT, lower, BODY).isVerified()).isTrue();
    }

    @Test
    void rejectsBodyAlteredByOneByte() {
        String timestamp = millisFromReceipt(0);
        Map<String, String> headers = signedHeaders(SECRET, URI_TEXT, BODY, timestamp);
        byte[] altered = BODY.clone();
        altered[altered.length - 5] ^= 1;

        Verification result = verify(URI_TEXT, headers, altered);

        assertThat(result).isEqualTo(Verification.rejected("X-HubSpot-Signature-v3 does not match POST "
                + URI_TEXT + ", the body and X-HubSpot-Request-Timestamp (check HUBSPOT_CLIENT_SECRET and, behind a "
                + "proxy, SYNC_PUBLIC_URL)"));
    }

    @Test
    void rejectsSignatureUnderAnotherSecret() {
        String timestamp = millisFromReceipt(0);

        Verification result = verify(URI_TEXT, signedHeaders("another-secret", URI_TEXT, BODY, timestamp), BODY);

        assertThat(result.isVerified()).isFalse();
    }

    @Test
    void rejectsSignatureOverAnotherTimestamp() {
        Map<String, String> headers = new HashMap<>(signedHeaders(SECRET, URI_TEXT, BODY, millisFromReceipt(0)));
        headers.put("X-HubSpot-Request-Timestamp", millisFromReceipt(1));

        assertThat(verify(URI_TEXT, headers, BODY).isVerified()).isFalse();
    }

    @Test
    void rejectsSignatureOverAnotherUriAsBehindAProxyWithoutThePublicUrl() {
        String timestamp = millisFromReceipt(0);
        Map<String, String> headers = signedHeaders(SECRET, URI_TEXT, BODY, timestamp);

        Verification result = verify("http://10.0.3.7:8080/webhooks/hubspot", headers, BODY);

        assertThat(((Verification.Rejected) result).reason())
                .contains("POST http://10.0.3.7:8080/webhooks/hubspot").contains("SYNC_PUBLIC_URL");
    }

    @Test
    void signsTheUriWithHubSpotsReservedCharactersDecodedAndOtherEscapesKept() {
        // given: the URI as it reached us, percent-encoded; HubSpot signs %3A %2F %3F %40 %21 %24 %27 %28 %29
        // %2A %2C %3B decoded and leaves every other escape (%20, %3D) as it is
        String received = URI_TEXT + "?portal=62515&return=https%3A%2F%2Fapp.example.com%2Fdone%3Fa%3D1"
                + "&who=rep%40example.com&list=a%2Cb%3Bc&name=Ann%20Lee&x=%21%24%27%28%29%2A";
        String signed = URI_TEXT + "?portal=62515&return=https://app.example.com/done?a%3D1"
                + "&who=rep@example.com&list=a,b;c&name=Ann%20Lee&x=!$'()*";
        String timestamp = millisFromReceipt(0);

        // when
        Verification result = verify(received, signedHeaders(SECRET, signed, BODY, timestamp), BODY);
        Verification overRawUri = verify(received, signedHeaders(SECRET, received, BODY, timestamp), BODY);

        // then
        assertThat(result.isVerified()).isTrue();
        assertThat(overRawUri.isVerified()).isFalse();
    }

    @Test
    void queryStringIsPartOfWhatIsSigned() {
        String timestamp = millisFromReceipt(0);
        Map<String, String> headers = signedHeaders(SECRET, URI_TEXT + "?portal=62515", BODY, timestamp);

        assertThat(verify(URI_TEXT + "?portal=62515", headers, BODY).isVerified()).isTrue();
        assertThat(verify(URI_TEXT + "?portal=62516", headers, BODY).isVerified()).isFalse();
        assertThat(verify(URI_TEXT, headers, BODY).isVerified()).isFalse();
    }

    @Test
    void rejectsMissingSignatureHeader() {
        Verification result = verify(URI_TEXT, Map.of("X-HubSpot-Request-Timestamp", millisFromReceipt(0)), BODY);

        assertThat(result).isEqualTo(Verification.rejected("missing X-HubSpot-Signature-v3: HubSpot signs webhooks "
                + "with signature v3 under the app's client secret"));
    }

    @Test
    void olderSignatureVersionsAreNotAccepted() {
        Verification result = verify(URI_TEXT, Map.of("X-HubSpot-Signature", "0".repeat(64),
                "X-HubSpot-Signature-Version", "v1"), BODY);

        assertThat(((Verification.Rejected) result).reason()).startsWith("missing X-HubSpot-Signature-v3");
    }

    @Test
    void rejectsMissingTimestamp() {
        Map<String, String> headers = Map.of("X-HubSpot-Signature-v3",
                signedHeaders(SECRET, URI_TEXT, BODY, millisFromReceipt(0)).get("X-HubSpot-Signature-v3"));

        Verification result = verify(URI_TEXT, headers, BODY);

        assertThat(result).isEqualTo(Verification.rejected("missing X-HubSpot-Request-Timestamp (epoch milliseconds), "
                + "which X-HubSpot-Signature-v3 signs"));
    }

    @Test
    void rejectsTimestampsThatAreNotEpochMilliseconds() {
        for (String timestamp : new String[] {"2026-03-02T09:15:30Z", "1772442930.25", "-1772442930250", "abc"}) {
            Verification result = verify(URI_TEXT, signedHeaders(SECRET, URI_TEXT, BODY, timestamp), BODY);

            assertThat(result).as("timestamp '%s'", timestamp).isEqualTo(
                    Verification.rejected("X-HubSpot-Request-Timestamp must be epoch milliseconds (digits only)"));
        }
    }

    @Test
    void acceptsATimestampExactlyFiveMinutesOld() {
        String timestamp = millisFromReceipt(-300_000);

        assertThat(verify(URI_TEXT, signedHeaders(SECRET, URI_TEXT, BODY, timestamp), BODY).isVerified()).isTrue();
    }

    @Test
    void rejectsATimestampJustOverFiveMinutesOld() {
        String timestamp = millisFromReceipt(-300_001);

        Verification result = verify(URI_TEXT, signedHeaders(SECRET, URI_TEXT, BODY, timestamp), BODY);

        assertThat(result).isEqualTo(Verification.rejected(
                "X-HubSpot-Request-Timestamp is 301 s old; at most 300 s allowed"));
    }

    @Test
    void saysHowOldAStaleTimestampIs() {
        String timestamp = millisFromReceipt(-412_000);

        Verification result = verify(URI_TEXT, signedHeaders(SECRET, URI_TEXT, BODY, timestamp), BODY);

        assertThat(result).isEqualTo(Verification.rejected(
                "X-HubSpot-Request-Timestamp is 412 s old; at most 300 s allowed"));
    }

    @Test
    void rejectsATimestampFarAheadOfOurClock() {
        String timestamp = millisFromReceipt(600_000);

        Verification result = verify(URI_TEXT, signedHeaders(SECRET, URI_TEXT, BODY, timestamp), BODY);

        assertThat(result).isEqualTo(Verification.rejected(
                "X-HubSpot-Request-Timestamp is 600 s ahead of our clock; at most 300 s allowed"));
    }

    @Test
    void noReasonEverContainsTheSecret() {
        String timestamp = millisFromReceipt(0);
        Map<String, String> wrong = new HashMap<>(signedHeaders(SECRET, URI_TEXT, BODY, timestamp));
        wrong.put("X-HubSpot-Signature-v3", SECRET);

        Verification result = verify(URI_TEXT + "?secret-like=" + SECRET, wrong, BODY);

        assertThat(((Verification.Rejected) result).reason()).doesNotContain(SECRET);
    }
}
