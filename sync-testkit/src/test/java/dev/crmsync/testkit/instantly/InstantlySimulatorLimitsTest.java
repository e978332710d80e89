package dev.crmsync.testkit.instantly;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class InstantlySimulatorLimitsTest {
    private static final String LIST = "/api/v2/leads/list";
    private static InstantlySimulator simulator;
    private static SimHttp http;

    @BeforeAll
    static void start() {
        simulator = InstantlySimulator.start();
        http = new SimHttp(simulator);
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @BeforeEach
    void reset() {
        simulator.reset();
    }

    @Test
    void missingKeyIs401AndIsNotCounted() {
        // when
        SimHttp.Answer answer = http.withKey(null).post(LIST, "{}");

        // then
        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.body().path("message").asString()).isEqualTo("Missing Authorization header");
        assertThat(simulator.requestCount()).isZero();
    }

    @Test
    void wrongKeyIs401() {
        // when
        SimHttp.Answer answer = http.withKey("not-the-key").post(LIST, "{}");

        // then
        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.body().path("error").asString()).isEqualTo("Unauthorized");
    }

    @Test
    void spendingThePerSecondBudgetAnswers429WithRetryAfter() {
        // given
        simulator.setRateLimits(3, 6_000);
        for (int i = 0; i < 3; i++) {
            assertThat(http.post(LIST, "{}").status()).isEqualTo(200);
        }

        // when
        SimHttp.Answer answer = http.post(LIST, "{}");

        // then
        assertThat(answer.status()).isEqualTo(429);
        assertThat(answer.header("Retry-After")).isEqualTo("1");
        assertThat(answer.body().path("message").asString()).isEqualTo("Rate limit exceeded");
        assertThat(simulator.rateLimitedCount()).isEqualTo(1);
        assertThat(simulator.requestCount()).isEqualTo(3);
    }

    @Test
    void spendingThePerMinuteBudgetAsksToWaitForTheMinuteToRollOver() {
        // given
        simulator.setRateLimits(100, 2);
        http.post(LIST, "{}");
        http.post(LIST, "{}");

        // when
        SimHttp.Answer answer = http.post(LIST, "{}");

        // then
        assertThat(answer.status()).isEqualTo(429);
        assertThat(Integer.parseInt(answer.header("Retry-After"))).isBetween(55, 60);
    }

    @Test
    void theBudgetRefillsAfterTheSecond() throws InterruptedException {
        // given
        simulator.setRateLimits(1, 6_000);
        http.post(LIST, "{}");
        assertThat(http.post(LIST, "{}").status()).isEqualTo(429);

        // when
        Thread.sleep(1_100);

        // then
        assertThat(http.post(LIST, "{}").status()).isEqualTo(200);
    }

    @Test
    void injectedFailuresAnswerTheStatusWithoutApplyingAndThenStop() {
        // given
        simulator.addLead("ann@example.com", null);
        simulator.failNext("leads/update-interest-status", 2, 503);
        String body = "{\"lead_email\":\"ann@example.com\",\"interest_value\":1}";

        // when
        int first = http.post("/api/v2/leads/update-interest-status", body).status();
        int second = http.post("/api/v2/leads/update-interest-status", body).status();
        int third = http.post("/api/v2/leads/update-interest-status", body).status();

        // then
        assertThat(first).isEqualTo(503);
        assertThat(second).isEqualTo(503);
        assertThat(third).isEqualTo(202);
        assertThat(simulator.interestUpdates("ann@example.com")).isEqualTo(1);
        assertThat(simulator.requestsByOperation()).containsEntry("leads/update-interest-status", 3);
    }

    @Test
    void injected429CarriesRetryAfter() {
        // given
        simulator.failNext(1, 429);

        // when
        SimHttp.Answer answer = http.post(LIST, "{}");

        // then
        assertThat(answer.status()).isEqualTo(429);
        assertThat(answer.header("Retry-After")).isEqualTo("1");
        assertThat(simulator.rateLimitedCount()).isZero();
    }

    @Test
    void jsonContentTypeWithAnEmptyBodyIs400() {
        // when
        SimHttp.Answer answer = http.send("POST", LIST, "");

        // then
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().path("message").asString()).contains("Body cannot be empty");
    }

    @Test
    void delayedAnswerIsAppliedBeforeItIsSent() {
        // given
        simulator.addLead("ann@example.com", null);
        simulator.delayNextResponse(Duration.ofMillis(300));

        // when
        long started = System.nanoTime();
        http.post("/api/v2/leads/update-interest-status", "{\"lead_email\":\"ann@example.com\",\"interest_value\":1}");

        // then
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        assertThat(simulator.interestStatus("ann@example.com")).contains(1);
    }

    @Test
    void unknownRouteIs404() {
        assertThat(http.get("/api/v2/nothing-here").status()).isEqualTo(404);
    }

    @Test
    void statePageNeedsNoKeyAndShowsCounts() {
        // given
        simulator.addLead("ann@example.com", null);
        http.post(LIST, "{}");

        // when
        SimHttp.Answer state = http.withKey(null).get("/_sim/state");

        // then
        assertThat(state.status()).isEqualTo(200);
        assertThat(state.body().path("leads").asInt()).isEqualTo(1);
        assertThat(state.body().path("requestsByOperation").path("leads/list").asInt()).isEqualTo(1);
        assertThat(state.body().path("people").has("ann@example.com")).isTrue();
    }
}
