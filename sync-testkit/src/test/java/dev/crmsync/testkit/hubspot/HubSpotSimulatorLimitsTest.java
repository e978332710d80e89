package dev.crmsync.testkit.hubspot;

import static dev.crmsync.testkit.hubspot.SimHttp.input;
import static dev.crmsync.testkit.hubspot.SimHttp.upsertBody;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HubSpotSimulatorLimitsTest {
    private static final String UPSERT = "/crm/v3/objects/contacts/batch/upsert";
    private static HubSpotSimulator simulator;
    private static SimHttp http;

    @BeforeAll
    static void start() {
        simulator = HubSpotSimulator.start();
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

    private SimHttp.Answer upsert(SimHttp client) {
        return client.post(UPSERT, upsertBody(false, input("ann@example.com")));
    }

    @Test
    void missingTokenIs401WithHubSpotsErrorAndChangesNothing() {
        // when
        SimHttp.Answer answer = upsert(http.withToken(null));

        // then
        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.body().path("status").asString()).isEqualTo("error");
        assertThat(answer.body().path("category").asString()).isEqualTo("INVALID_AUTHENTICATION");
        assertThat(answer.body().path("correlationId").asString()).isNotBlank();
        assertThat(simulator.contactCount()).isZero();
        assertThat(simulator.requestCount()).isZero();
    }

    @Test
    void wrongTokenIs401() {
        // when
        SimHttp.Answer answer = upsert(http.withToken("not-the-token"));

        // then
        assertThat(answer.status()).isEqualTo(401);
        assertThat(simulator.requestCount()).isZero();
    }

    @Test
    void everyApiAnswerCarriesTheRateLimitHeaders() {
        // when
        SimHttp.Answer answer = upsert(http);

        // then
        assertThat(answer.header("X-HubSpot-RateLimit-Max")).isEqualTo("100");
        assertThat(answer.header("X-HubSpot-RateLimit-Remaining")).isEqualTo("99");
        assertThat(answer.header("X-HubSpot-RateLimit-Interval-Milliseconds")).isEqualTo("10000");
        assertThat(answer.header("X-HubSpot-RateLimit-Daily")).isEqualTo("250000");
        assertThat(answer.header("X-HubSpot-RateLimit-Daily-Remaining")).isEqualTo("249999");
        assertThat(answer.header("X-HubSpot-RateLimit-Secondly")).isEqualTo("10");
        assertThat(answer.header("X-HubSpot-RateLimit-Secondly-Remaining")).isEqualTo("9");
    }

    @Test
    void spendingTheTenSecondBudgetAnswers429WithThePolicyAndNoRetryAfter() {
        // given
        simulator.setRateLimit(3);
        for (int i = 0; i < 3; i++) {
            assertThat(upsert(http).status()).isEqualTo(200);
        }

        // when
        SimHttp.Answer answer = upsert(http);

        // then
        assertThat(answer.status()).isEqualTo(429);
        assertThat(answer.body().path("policyName").asString()).isEqualTo("TEN_SECONDLY_ROLLING");
        assertThat(answer.body().path("errorType").asString()).isEqualTo("RATE_LIMIT");
        assertThat(answer.body().path("message").asString()).isEqualTo("You have reached your ten_secondly_rolling limit.");
        assertThat(answer.header("X-HubSpot-RateLimit-Remaining")).isEqualTo("0");
        assertThat(answer.header("X-HubSpot-RateLimit-Interval-Milliseconds")).isEqualTo("10000");
        assertThat(answer.header("Retry-After")).isNull();
        assertThat(simulator.rateLimitedCount()).isEqualTo(1);
        assertThat(simulator.requestsByOperation()).containsEntry("contacts/batch/upsert", 3);
    }

    @Test
    void spendingTheDailyBudgetAnswers429WithDailyPolicy() {
        // given
        simulator.setDailyLimit(1);
        upsert(http);

        // when
        SimHttp.Answer answer = upsert(http);

        // then
        assertThat(answer.status()).isEqualTo(429);
        assertThat(answer.body().path("policyName").asString()).isEqualTo("DAILY");
        assertThat(answer.header("X-HubSpot-RateLimit-Daily-Remaining")).isEqualTo("0");
    }

    @Test
    void failNextAnswersTheInjectedStatusWithoutApplyingThenRecovers() {
        // given
        simulator.failNext(2, 503);

        // when
        SimHttp.Answer first = upsert(http);
        SimHttp.Answer second = upsert(http);
        SimHttp.Answer third = upsert(http);

        // then
        assertThat(first.status()).isEqualTo(503);
        assertThat(first.body().path("status").asString()).isEqualTo("error");
        assertThat(second.status()).isEqualTo(503);
        assertThat(third.status()).isEqualTo(200);
        assertThat(simulator.contactCount()).isEqualTo(1);
        assertThat(simulator.requestsByOperation()).containsEntry("contacts/batch/upsert", 3);
    }

    @Test
    void injected429CarriesTheRateLimitBodyAndNoRemainingBudget() {
        // given
        simulator.failNext(1, 429);

        // when
        SimHttp.Answer answer = upsert(http);

        // then
        assertThat(answer.status()).isEqualTo(429);
        assertThat(answer.body().path("policyName").asString()).isEqualTo("TEN_SECONDLY_ROLLING");
        assertThat(answer.header("X-HubSpot-RateLimit-Remaining")).isEqualTo("0");
        assertThat(simulator.contactCount()).isZero();
    }

    @Test
    void failNextForOneOperationLeavesOthersAlone() {
        // given
        simulator.failNext("notes/batch/create", 1, 500);

        // when
        SimHttp.Answer answer = upsert(http);

        // then
        assertThat(answer.status()).isEqualTo(200);
    }
}
