package dev.crmsync.testkit.hubspot;

import static dev.crmsync.testkit.hubspot.SimHttp.input;
import static dev.crmsync.testkit.hubspot.SimHttp.upsertBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HubSpotSimulatorDelayTest {
    private HubSpotSimulator simulator;

    @BeforeEach
    void start() {
        simulator = HubSpotSimulator.start();
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void delayedAnswerIsAppliedBeforeTheClientGivesUp() {
        // given
        simulator.delayNextResponse(Duration.ofSeconds(2));
        HttpRequest request = HttpRequest.newBuilder(URI.create(simulator.baseUrl()
                        + "/crm/v3/objects/contacts/batch/upsert"))
                .header("Authorization", "Bearer " + simulator.accessToken())
                .header("Content-Type", "application/json")
                .timeout(Duration.ofMillis(300))
                .POST(HttpRequest.BodyPublishers.ofString(upsertBody(false, input("ann@example.com")))).build();

        // when / then
        assertThatThrownBy(() -> HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(HttpTimeoutException.class);
        assertThat(simulator.contact("ann@example.com")).isPresent();
    }

    @Test
    void latencyDelaysEveryAnswer() {
        // given
        simulator.setLatency(Duration.ofMillis(200));
        long start = System.nanoTime();

        // when
        SimHttp.Answer answer = new SimHttp(simulator).get("/crm/v3/objects/contacts/1");

        // then
        assertThat(answer.status()).isEqualTo(404);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
    }
}
