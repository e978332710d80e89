package dev.crmsync.testkit.hubspot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crmsync.core.spi.SimulatorProvider;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** In sandbox mode the simulator acts as an app whose webhooks the service can verify, and reps can delete contacts. */
class HubSpotSimulatorSandboxAppTest {

    @Test
    void theSandboxSimulatorNamesItsAppAndSendsSignedWebhooksOncePointedAtTheService() {
        try (SimulatorProvider.RunningSimulator running = new HubSpotSimulatorProvider().start(0);
             WebhookReceiver receiver = WebhookReceiver.start()) {
            HubSpotSimulator simulator = (HubSpotSimulator) running;
            assertThat(running.adapterConfig())
                    .containsEntry("client-secret", HubSpotSimulator.SANDBOX_CLIENT_SECRET)
                    .containsEntry("app-id", String.valueOf(HubSpotSimulator.SANDBOX_APP_ID));

            running.sendWebhooksTo(receiver.uri("/webhooks/hubspot"));
            new SimHttp(simulator).post("/crm/v3/objects/contacts/batch/upsert",
                    SimHttp.upsertBody(true, SimHttp.input("ann@example.com")));
            simulator.awaitWebhooks(Duration.ofSeconds(10));

            WebhookReceiver.Received request = receiver.received().get(0);
            assertThat(request.header("X-HubSpot-Signature-v3")).isNotBlank();
            assertThat(WebhookBodies.events(request.body())).allSatisfy(event -> {
                assertThat(event.path("changeSource").asString()).isEqualTo("INTEGRATION");
                assertThat(event.path("sourceId").asString()).isEqualTo(String.valueOf(HubSpotSimulator.SANDBOX_APP_ID));
            });
        }
    }

    @Test
    void aRepDeletingAContactSendsContactDeletionAndTheContactIsGone() {
        try (HubSpotSimulator simulator = HubSpotSimulator.start(); WebhookReceiver receiver = WebhookReceiver.start()) {
            simulator.configureWebhooks(receiver.uri("/webhooks/hubspot"), "secret", 42L);
            simulator.repEdit("ann@example.com", Map.of("firstname", "Ann"));
            String id = simulator.contactId("ann@example.com").orElseThrow();

            simulator.repDeleteContact("ann@example.com");

            assertThat(simulator.contact("ann@example.com")).isEmpty();
            List<WebhookReceiver.Received> all = receiver.received();
            List<JsonNode> last = WebhookBodies.events(all.get(all.size() - 1).body());
            assertThat(last).singleElement().satisfies(event -> {
                assertThat(event.path("subscriptionType").asString()).isEqualTo("contact.deletion");
                assertThat(event.path("objectId").asString()).isEqualTo(id);
                assertThat(event.path("changeSource").asString()).isEqualTo("CRM_UI");
            });
        }
    }
}
