package dev.crmsync.testkit.hubspot;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Failed deliveries are retried like HubSpot does, quickly, and re-signed each time. */
class HubSpotSimulatorWebhookRetryTest {
    private static HubSpotSimulator simulator;
    private static WebhookReceiver receiver;

    @BeforeAll
    static void start() {
        simulator = HubSpotSimulator.start();
        receiver = WebhookReceiver.start();
    }

    @AfterAll
    static void stop() {
        simulator.close();
        receiver.close();
    }

    @BeforeEach
    void reset() {
        simulator.reset();
        simulator.configureWebhooks(receiver.uri("/webhooks/hubspot"), "secret", 42);
        simulator.setWebhookRetries(3, Duration.ofMillis(5));
    }

    @Test
    void serverErrorsAreRetriedWithTheAttemptNumberInEveryEvent() {
        // given
        receiver.answerNext(503, 500);

        // when
        List<WebhookDelivery> deliveries = simulator.repEdit("ann@example.com", Map.of("firstname", "Ann"));

        // then
        assertThat(deliveries).extracting(WebhookDelivery::status).containsExactly(503, 500, 204);
        assertThat(deliveries).extracting(WebhookDelivery::attempt).containsExactly(0, 1, 2);
        for (WebhookDelivery delivery : deliveries) {
            assertThat(WebhookBodies.events(delivery.body()))
                    .allSatisfy(e -> assertThat(e.path("attemptNumber").asInt()).isEqualTo(delivery.attempt()));
        }
    }

    @Test
    void givesUpAfterTheConfiguredRetries() {
        // given
        receiver.answerNext(500, 500, 500, 500);

        // when
        List<WebhookDelivery> deliveries = simulator.repEdit("ann@example.com", Map.of("firstname", "Ann"));

        // then
        assertThat(deliveries).hasSize(4).noneMatch(WebhookDelivery::isSuccess);
        assertThat(simulator.webhookDeliveries()).hasSize(4);
    }

    @Test
    void unauthorizedIsNotRetriedAsHubSpotDoesNotRetryIt() {
        // given
        receiver.answerNext(401);

        // when
        List<WebhookDelivery> deliveries = simulator.repEdit("ann@example.com", Map.of("firstname", "Ann"));

        // then
        assertThat(deliveries).extracting(WebhookDelivery::status).containsExactly(401);
    }

    @Test
    void noAnswerIsRetried() {
        // given: a target where nothing listens
        WebhookReceiver gone = WebhookReceiver.start();
        gone.close();
        simulator.configureWebhooks(gone.uri("/webhooks/hubspot"), "secret", 42);
        simulator.setWebhookRetries(1, Duration.ofMillis(5));

        // when
        List<WebhookDelivery> deliveries = simulator.repEdit("ann@example.com", Map.of("firstname", "Ann"));

        // then
        assertThat(deliveries).extracting(WebhookDelivery::status).containsExactly(0, 0);
    }
}
