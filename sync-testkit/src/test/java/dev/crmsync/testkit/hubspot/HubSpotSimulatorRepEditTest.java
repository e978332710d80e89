package dev.crmsync.testkit.hubspot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A rep edits a contact in HubSpot's UI: the contact changes and HubSpot's webhook batch reaches the target. */
class HubSpotSimulatorRepEditTest {
    private static final String SECRET = "sim-client-secret-7d1e";
    private static final long APP_ID = 1_234_567;
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
        simulator.configureWebhooks(receiver.uri("/webhooks/hubspot"), SECRET, APP_ID);
    }

    private List<JsonNode> lastBatch() {
        List<WebhookReceiver.Received> all = receiver.received();
        return WebhookBodies.events(all.get(all.size() - 1).body());
    }

    @Test
    void repEditSendsOnePropertyChangePerChangedPropertyFromTheCrmUi() {
        // given
        simulator.repEdit("ann@example.com", Map.of("firstname", "Ann"));
        Map<String, String> edit = new LinkedHashMap<>();
        edit.put("firstname", "Ann");
        edit.put("lifecyclestage", "opportunity");
        edit.put("hs_lead_status", "CONNECTED");

        // when
        List<WebhookDelivery> deliveries = simulator.repEdit("ann@example.com", edit);

        // then
        assertThat(deliveries).hasSize(1);
        assertThat(deliveries.get(0).status()).isEqualTo(204);
        String contactId = simulator.contactId("ann@example.com").orElseThrow();
        List<JsonNode> events = lastBatch();
        assertThat(events).extracting(e -> e.path("propertyName").asString())
                .containsExactlyInAnyOrder("lifecyclestage", "hs_lead_status");
        for (JsonNode event : events) {
            assertThat(event.path("subscriptionType").asString()).isEqualTo("contact.propertyChange");
            assertThat(event.path("objectId").asString()).isEqualTo(contactId);
            assertThat(event.path("changeSource").asString()).isEqualTo("CRM_UI");
            assertThat(event.path("sourceId").asString()).isEqualTo("userId:" + HubSpotSimulator.DEFAULT_REP_USER_ID);
            assertThat(event.path("portalId").asLong()).isEqualTo(HubSpotSimulator.DEFAULT_PORTAL_ID);
            assertThat(event.path("appId").asLong()).isEqualTo(APP_ID);
            assertThat(event.path("attemptNumber").asInt()).isZero();
            assertThat(event.path("occurredAt").isIntegralNumber()).isTrue();
            assertThat(event.has("email")).isFalse();
        }
        assertThat(simulator.contact("ann@example.com").orElseThrow())
                .containsEntry("lifecyclestage", "opportunity").containsEntry("hs_lead_status", "CONNECTED");
    }

    @Test
    void repCreatingAContactSendsCreationAndTheEmailAsAPropertyChange() {
        // when
        simulator.repEdit("new@example.com", Map.of("lifecyclestage", "lead"));

        // then
        List<JsonNode> events = lastBatch();
        assertThat(events).extracting(e -> e.path("subscriptionType").asString())
                .containsExactlyInAnyOrder("contact.creation", "contact.propertyChange", "contact.propertyChange");
        assertThat(events).filteredOn(e -> e.path("subscriptionType").asString().equals("contact.creation"))
                .singleElement().satisfies(e -> assertThat(e.path("changeFlag").asString()).isEqualTo("CREATED"));
        assertThat(events).filteredOn(e -> e.path("propertyName").asString().equals("email"))
                .singleElement().satisfies(e -> assertThat(e.path("propertyValue").asString())
                        .isEqualTo("new@example.com"));
    }

    @Test
    void repEditIsSignedWithSignatureV3OverTheTargetUrlBodyAndTimestamp() {
        // given: a target whose query carries escapes HubSpot decodes before signing, and one it keeps
        simulator.configureWebhooks(URI.create(receiver.base()
                + "/webhooks/hubspot?next=%2Fdeals%3Fstage%3Dwon&q=a%20b"), SECRET, APP_ID);

        // when
        simulator.repEdit("ann@example.com", Map.of("firstname", "Ann"));

        // then
        WebhookReceiver.Received request = receiver.received().get(receiver.received().size() - 1);
        String timestamp = request.header("X-HubSpot-Request-Timestamp");
        assertThat(Math.abs(System.currentTimeMillis() - Long.parseLong(timestamp))).isLessThan(60_000);
        // %2F and %3F are in HubSpot's table of escapes decoded before signing; %3D and %20 are not
        String signedUri = receiver.base() + "/webhooks/hubspot?next=/deals?stage%3Dwon&q=a%20b";
        assertThat(request.header("X-HubSpot-Signature-v3"))
                .isEqualTo(WebhookBodies.signatureV3(SECRET, "POST", signedUri, request.body(), timestamp));
        assertThat(request.uri().getRawQuery()).isEqualTo("next=%2Fdeals%3Fstage%3Dwon&q=a%20b");
        assertThat(request.header("Content-Type")).startsWith("application/json");
        assertThat(request.header("X-HubSpot-Signature-Version")).isEqualTo("v1");
    }

    @Test
    void editThatChangesNothingSendsNothing() {
        // given
        simulator.repEdit("ann@example.com", Map.of("firstname", "Ann"));
        int before = receiver.received().size();

        // when
        List<WebhookDelivery> deliveries = simulator.repEdit("ann@example.com", Map.of("firstname", "Ann"));

        // then
        assertThat(deliveries).isEmpty();
        assertThat(receiver.received()).hasSize(before);
    }

    @Test
    void repMayMoveTheLifecycleStageBackwardWhichTheApiCannot() {
        // given
        simulator.repEdit("ann@example.com", Map.of("lifecyclestage", "opportunity"));

        // when
        simulator.repEdit("ann@example.com", Map.of("lifecyclestage", "lead"));

        // then
        assertThat(simulator.contact("ann@example.com").orElseThrow()).containsEntry("lifecyclestage", "lead");
        assertThat(lastBatch()).singleElement()
                .satisfies(e -> assertThat(e.path("propertyValue").asString()).isEqualTo("lead"));
    }

    @Test
    void withoutWebhooksARepEditOnlyChangesTheContact() {
        // given
        simulator.reset();

        // when
        List<WebhookDelivery> deliveries = simulator.repEdit("ann@example.com", Map.of("firstname", "Ann"));

        // then
        assertThat(deliveries).isEmpty();
        assertThat(simulator.contact("ann@example.com").orElseThrow()).containsEntry("firstname", "Ann");
        assertThat(simulator.webhookDeliveries()).isEmpty();
    }

    @Test
    void repCannotSetAPropertyThatDoesNotExist() {
        assertThatThrownBy(() -> simulator.repEdit("ann@example.com", Map.of("favourite_colour", "blue")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PROPERTY_DOESNT_EXIST");
    }

    @Test
    void emailFieldIsAddedOnlyWhenAskedFor() {
        // given
        simulator.includeEmailInWebhooks(true);

        // when
        simulator.repEdit("ann@example.com", Map.of("firstname", "Ann"));

        // then
        assertThat(lastBatch()).allSatisfy(e -> assertThat(e.path("email").asString()).isEqualTo("ann@example.com"));
    }

    @Test
    void configuredWebhooksPutTheClientSecretAndAppIdIntoTheAdapterConfig() {
        assertThat(simulator.adapterConfig()).containsEntry("client-secret", SECRET)
                .containsEntry("app-id", String.valueOf(APP_ID)).containsKeys("base-url", "access-token");
    }
}
