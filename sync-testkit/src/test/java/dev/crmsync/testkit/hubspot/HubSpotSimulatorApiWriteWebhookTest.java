package dev.crmsync.testkit.hubspot;

import static dev.crmsync.testkit.hubspot.SimHttp.input;
import static dev.crmsync.testkit.hubspot.SimHttp.upsertBody;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Our app writes through the API: HubSpot reports those writes back as INTEGRATION changes with our app id. */
class HubSpotSimulatorApiWriteWebhookTest {
    private static final String UPSERT = "/crm/v3/objects/contacts/batch/upsert";
    private static final long APP_ID = 1_234_567;
    private static HubSpotSimulator simulator;
    private static WebhookReceiver receiver;
    private static SimHttp http;

    @BeforeAll
    static void start() {
        simulator = HubSpotSimulator.start();
        receiver = WebhookReceiver.start();
        http = new SimHttp(simulator);
    }

    @AfterAll
    static void stop() {
        simulator.close();
        receiver.close();
    }

    @BeforeEach
    void reset() {
        simulator.reset();
        simulator.configureWebhooks(receiver.uri("/webhooks/hubspot"), "secret", APP_ID);
    }

    private List<JsonNode> eventsSince(int requests) {
        return receiver.received().stream().skip(requests).flatMap(r -> WebhookBodies.events(r.body()).stream())
                .toList();
    }

    @Test
    void apiWritesComeBackAsIntegrationChangesWithOurAppIdAsSource() {
        // given
        http.post(UPSERT, upsertBody(false, input("ann@example.com", "firstname", "Ann")));
        simulator.awaitWebhooks(Duration.ofSeconds(10));
        int before = receiver.received().size();

        // when
        http.post(UPSERT, upsertBody(false, input("ann@example.com", "lifecyclestage", "salesqualifiedlead",
                "firstname", "Ann")));
        simulator.awaitWebhooks(Duration.ofSeconds(10));

        // then
        assertThat(eventsSince(before)).singleElement().satisfies(event -> {
            assertThat(event.path("subscriptionType").asString()).isEqualTo("contact.propertyChange");
            assertThat(event.path("propertyName").asString()).isEqualTo("lifecyclestage");
            assertThat(event.path("propertyValue").asString()).isEqualTo("salesqualifiedlead");
            assertThat(event.path("changeSource").asString()).isEqualTo("INTEGRATION");
            assertThat(event.path("sourceId").asString()).isEqualTo(String.valueOf(APP_ID));
        });
    }

    @Test
    void oneUpsertOfSeveralContactsIsOneBatch() {
        // given
        int before = receiver.received().size();

        // when
        http.post(UPSERT, upsertBody(false, input("a@example.com"), input("b@example.com", "firstname", "Bo")));
        simulator.awaitWebhooks(Duration.ofSeconds(10));

        // then
        assertThat(receiver.received()).hasSize(before + 1);
        assertThat(eventsSince(before)).extracting(e -> e.path("subscriptionType").asString() + "/"
                        + e.path("propertyName").asString(""))
                .containsExactlyInAnyOrder("contact.creation/", "contact.creation/", "contact.propertyChange/email",
                        "contact.propertyChange/email", "contact.propertyChange/firstname");
    }

    @Test
    void aBackwardStageTheApiIgnoresSendsNoChange() {
        // given
        http.post(UPSERT, upsertBody(false, input("ann@example.com", "lifecyclestage", "opportunity")));
        simulator.awaitWebhooks(Duration.ofSeconds(10));
        int before = receiver.received().size();

        // when
        http.post(UPSERT, upsertBody(false, input("ann@example.com", "lifecyclestage", "lead")));
        simulator.awaitWebhooks(Duration.ofSeconds(10));

        // then
        assertThat(receiver.received()).hasSize(before);
    }

    @Test
    void apiWriteWebhooksCanBeSwitchedOff() {
        // given
        simulator.emitWebhooksForApiWrites(false);
        int before = receiver.received().size();

        // when
        http.post(UPSERT, upsertBody(false, input("ann@example.com", "firstname", "Ann")));
        simulator.awaitWebhooks(Duration.ofSeconds(10));
        simulator.repEdit("ann@example.com", Map.of("lastname", "Lee"));

        // then: the rep's edit still sends
        assertThat(receiver.received()).hasSize(before + 1);
        assertThat(eventsSince(before)).singleElement()
                .satisfies(e -> assertThat(e.path("changeSource").asString()).isEqualTo("CRM_UI"));
    }
}
