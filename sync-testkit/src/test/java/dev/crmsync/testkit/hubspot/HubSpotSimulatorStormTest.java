package dev.crmsync.testkit.hubspot;

import static dev.crmsync.testkit.hubspot.SimHttp.input;
import static dev.crmsync.testkit.hubspot.SimHttp.upsertBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmsync.testkit.http.Storm;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HubSpotSimulatorStormTest {
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

    private static Storm only(double serverErrors, double bursts, double resets) {
        return new Storm(7, serverErrors, bursts, 3, 0, Duration.ZERO, resets);
    }

    @Test
    void serverErrorStormAnswersA5xxAndAppliesNothing() {
        simulator.startStorm(only(1, 0, 0));

        SimHttp.Answer answer = http.post(UPSERT, upsertBody(false, input("ann@example.com")));

        assertThat(answer.status()).isIn(500, 502, 503, 504);
        assertThat(simulator.contactCount()).isZero();
    }

    @Test
    void aRateLimitBurstRefusesTheNextRequestsInARowThenStops() {
        simulator.startStorm(only(0, 1, 0));
        for (int i = 0; i < 3; i++) {
            assertThat(http.post(UPSERT, upsertBody(false, input("ann@example.com"))).status()).isEqualTo(429);
        }
        simulator.stopStorm();

        assertThat(http.post(UPSERT, upsertBody(false, input("ann@example.com"))).status()).isEqualTo(200);
        assertThat(simulator.stormHits()).containsEntry(Storm.Hit.RATE_LIMITED, 3);
    }

    @Test
    void aResetDropsTheConnectionWithoutAnAnswerAndSometimesAfterTheWrite() {
        simulator.startStorm(only(0, 0, 1));
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

        for (int i = 0; i < 20; i++) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(simulator.baseUrl() + UPSERT))
                    .header("Authorization", "Bearer " + simulator.accessToken())
                    .header("Content-Type", "application/json").timeout(Duration.ofSeconds(10))
                    .POST(HttpRequest.BodyPublishers.ofString(upsertBody(false, input("lead" + i + "@example.com"))))
                    .build();
            assertThatThrownBy(() -> client.send(request, HttpResponse.BodyHandlers.ofString()))
                    .isInstanceOf(IOException.class);
        }

        int afterApply = simulator.stormHits().getOrDefault(Storm.Hit.RESET_AFTER_APPLY, 0);
        assertThat(afterApply).isBetween(1, 19);
        assertThat(simulator.contactCount()).as("only the resets after the write left a contact").isEqualTo(afterApply);
    }

    @Test
    void stormSharesAboveOneAreRefused() {
        assertThatThrownBy(() -> new Storm(1, 0.6, 0.3, 1, 0.2, Duration.ZERO, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("add up to at most 1");
    }
}
