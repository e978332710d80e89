package dev.crmsync.adapter.instantly;

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
import tools.jackson.databind.json.JsonMapper;

class InstantlyErrorClassifierTest {
    private static final InstantlyError RATE_LIMITED = new InstantlyError("Too Many Requests", "Rate limit exceeded");
    private static final InstantlyError BAD = new InstantlyError("Bad Request", "body/lead_email must match format \"email\"");

    private static HttpHeaders headers(Map<String, String> values) {
        Map<String, List<String>> lists = new HashMap<>();
        values.forEach((k, v) -> lists.put(k, List.of(v)));
        return HttpHeaders.of(lists, (k, v) -> true);
    }

    private static AdapterException classify(int status, InstantlyError error, Map<String, String> headers) {
        return InstantlyErrorClassifier.classify("leads/update-interest-status", status, error, headers(headers));
    }

    @Test
    void rateLimitIsTransientAndWaitsRetryAfter() {
        AdapterException e = classify(429, RATE_LIMITED, Map.of("Retry-After", "3"));

        assertThat(e).isInstanceOfSatisfying(TransientAdapterException.class, t -> {
            assertThat(t.isRateLimited()).isTrue();
            assertThat(t.retryAfter()).contains(Duration.ofSeconds(3));
        });
        assertThat(e.getMessage()).contains("expected HTTP 2xx, found 429").contains("Rate limit exceeded");
    }

    @Test
    void rateLimitWithoutRetryAfterWaitsTwoSeconds() {
        AdapterException e = classify(429, RATE_LIMITED, Map.of());

        assertThat(((TransientAdapterException) e).retryAfter()).contains(Duration.ofSeconds(2));
    }

    @Test
    void unreadableRetryAfterFallsBackToTheDefaultWait() {
        AdapterException e = classify(429, RATE_LIMITED, Map.of("Retry-After", "Wed, 21 Oct 2026 07:28:00 GMT"));

        assertThat(((TransientAdapterException) e).retryAfter()).contains(Duration.ofSeconds(2));
    }

    @Test
    void serverErrorIsTransient() {
        AdapterException e = classify(503, new InstantlyError("Service Unavailable", null), Map.of());

        assertThat(e).isInstanceOf(TransientAdapterException.class);
        assertThat(((TransientAdapterException) e).isRateLimited()).isFalse();
        assertThat(e.httpStatus()).isEqualTo(503);
    }

    @Test
    void serverErrorKeepsARetryAfterItNames() {
        AdapterException e = classify(502, new InstantlyError(null, null), Map.of("Retry-After", "5"));

        assertThat(((TransientAdapterException) e).retryAfter()).contains(Duration.ofSeconds(5));
    }

    @Test
    void unauthorizedIsAConfigProblemNamingTheVariable() {
        AdapterException e = classify(401, new InstantlyError("Unauthorized", "Invalid API key"), Map.of());

        assertThat(e).isInstanceOf(AdapterConfigException.class);
        assertThat(e.getMessage()).contains("INSTANTLY_API_KEY").contains("Invalid API key");
    }

    @Test
    void forbiddenIsAConfigProblem() {
        assertThat(classify(403, new InstantlyError("Forbidden", null), Map.of())).isInstanceOf(AdapterConfigException.class);
    }

    @Test
    void otherClientErrorsArePermanentWithInstantlysMessage() {
        AdapterException e = classify(400, BAD, Map.of());

        assertThat(e).isInstanceOf(PermanentAdapterException.class);
        assertThat(e.httpStatus()).isEqualTo(400);
        assertThat(e.getMessage()).contains("Bad Request: body/lead_email must match format");
    }

    @Test
    void notFoundIsPermanent() {
        assertThat(classify(404, new InstantlyError("Not Found", "Lead not found"), Map.of()))
                .isInstanceOf(PermanentAdapterException.class);
    }

    @Test
    void emailAddressesInInstantlysMessageAreMasked() {
        AdapterException e = classify(400, new InstantlyError(null, "Lead ann.lee@northwind.example is invalid"), Map.of());

        assertThat(e.getMessage()).contains("Lead <email> is invalid").doesNotContain("northwind");
    }

    @Test
    void aBareErrorFieldIsUsedAsTheMessage() {
        InstantlyError error = InstantlyError.from(JsonMapper.builder().build().readTree("{\"error\":\"Invalid lead email\"}"));

        assertThat(error.safeMessage()).isEqualTo("Invalid lead email");
    }

    @Test
    void aBodyWithoutMessageSaysSo() {
        assertThat(InstantlyError.from(null).safeMessage()).isEqualTo("(no message)");
    }

    @Test
    void timeoutIsTransientAndWarnsTheWriteMayHaveLanded() {
        TransientAdapterException e = InstantlyErrorClassifier.failedCall("leads/patch", Duration.ofMillis(500),
                new HttpTimeoutException("request timed out"));

        assertThat(e.getMessage()).contains("no answer within 500 ms").contains("may still have been applied");
        assertThat(e.httpStatus()).isZero();
    }

    @Test
    void refusedConnectionIsTransient() {
        TransientAdapterException e = InstantlyErrorClassifier.failedCall("leads/list", Duration.ofSeconds(1),
                new ConnectException("Connection refused"));

        assertThat(e.getMessage()).contains("no connection");
    }

    @Test
    void otherIoFailureIsTransient() {
        TransientAdapterException e = InstantlyErrorClassifier.failedCall("leads/list", Duration.ofSeconds(1),
                new IOException("connection reset"));

        assertThat(e.getMessage()).contains("an I/O failure (IOException)");
    }
}
