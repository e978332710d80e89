package dev.crmsync.adapter.hubspot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crmsync.core.spi.AdapterConfigException;
import dev.crmsync.core.spi.AdapterException;
import dev.crmsync.core.spi.PermanentAdapterException;
import dev.crmsync.core.spi.TransientAdapterException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpHeaders;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HubSpotErrorClassifierTest {
    private static final HubSpotError RATE_LIMITED = new HubSpotError("You have reached your ten_secondly_rolling limit.",
            null, "TEN_SECONDLY_ROLLING", "c-1");
    private static final HubSpotError GENERIC = new HubSpotError("Something went wrong", "SOME_CATEGORY", null, "c-2");

    private static HttpHeaders headers(Map<String, String> values) {
        Map<String, List<String>> lists = new HashMap<>();
        values.forEach((k, v) -> lists.put(k, List.of(v)));
        return HttpHeaders.of(lists, (k, v) -> true);
    }

    private static AdapterException classify(int status, HubSpotError error, Map<String, String> headers) {
        return HubSpotErrorClassifier.classify("contacts/batch/upsert", status, error, headers(headers));
    }

    @Test
    void rateLimitIsTransientAndWaitsTheIntervalWhenNoRetryAfterIsSent() {
        AdapterException e = classify(429, RATE_LIMITED, Map.of("X-HubSpot-RateLimit-Interval-Milliseconds", "10000"));

        assertThat(e).isInstanceOf(TransientAdapterException.class);
        assertThat(((TransientAdapterException) e).isRateLimited()).isTrue();
        assertThat(((TransientAdapterException) e).retryAfter()).contains(Duration.ofSeconds(10));
        assertThat(e.getMessage()).contains("expected HTTP 2xx, found 429").contains("TEN_SECONDLY_ROLLING");
    }

    @Test
    void retryAfterHeaderWinsOverTheInterval() {
        AdapterException e = classify(429, RATE_LIMITED,
                Map.of("Retry-After", "3", "X-HubSpot-RateLimit-Interval-Milliseconds", "10000"));

        assertThat(((TransientAdapterException) e).retryAfter()).contains(Duration.ofSeconds(3));
    }

    @Test
    void rateLimitWithoutAnyHintWaitsTenSeconds() {
        AdapterException e = classify(429, RATE_LIMITED, Map.of());

        assertThat(((TransientAdapterException) e).retryAfter()).contains(Duration.ofSeconds(10));
    }

    @Test
    void serverErrorIsTransient() {
        for (int status : new int[] {500, 502, 503, 504, 524}) {
            assertThat(classify(status, GENERIC, Map.of())).isInstanceOf(TransientAdapterException.class)
                    .extracting(AdapterException::httpStatus).isEqualTo(status);
        }
    }

    @Test
    void lockedRecordIsTransientForTwoSeconds() {
        AdapterException e = classify(423, GENERIC, Map.of());

        assertThat(((TransientAdapterException) e).retryAfter()).contains(Duration.ofSeconds(2));
    }

    @Test
    void unauthorizedIsAConfigProblemNamingTheVariable() {
        AdapterException e = classify(401, new HubSpotError("Authentication credentials not found.",
                "INVALID_AUTHENTICATION", null, "c-3"), Map.of());

        assertThat(e).isInstanceOf(AdapterConfigException.class);
        assertThat(e.getMessage()).contains("HUBSPOT_ACCESS_TOKEN").contains("INVALID_AUTHENTICATION");
    }

    @Test
    void forbiddenIsAConfigProblem() {
        assertThat(classify(403, GENERIC, Map.of())).isInstanceOf(AdapterConfigException.class);
    }

    @Test
    void otherClientErrorIsPermanent() {
        for (int status : new int[] {400, 404, 409, 413}) {
            assertThat(classify(status, GENERIC, Map.of())).isInstanceOf(PermanentAdapterException.class);
        }
    }

    @Test
    void timeoutIsTransientWithoutStatus() {
        TransientAdapterException e = HubSpotErrorClassifier.failedCall("notes/batch/create", Duration.ofMillis(500),
                new HttpTimeoutException("request timed out"));

        assertThat(e.httpStatus()).isZero();
        assertThat(e.getMessage()).contains("no answer within 500 ms");
    }

    @Test
    void connectionFailureIsTransient() {
        IOException refused = new ConnectException("Connection refused");

        assertThat(HubSpotErrorClassifier.failedCall("notes/search", Duration.ofSeconds(1), refused))
                .isInstanceOf(TransientAdapterException.class).hasCause(refused);
    }

    @Test
    void messageKeepsHubSpotsReasonButMasksEmailAddresses() {
        HubSpotError error = new HubSpotError("Property values were not valid: [{\"isValid\":false,\"message\":"
                + "\"Email address ann@example.com is invalid\",\"error\":\"INVALID_EMAIL\",\"name\":\"email\"}]",
                "VALIDATION_ERROR", null, "c-4");

        AdapterException e = classify(400, error, Map.of());

        assertThat(e.getMessage()).contains("VALIDATION_ERROR").contains("email: INVALID_EMAIL")
                .contains("<email>").doesNotContain("ann@example.com");
    }
}
