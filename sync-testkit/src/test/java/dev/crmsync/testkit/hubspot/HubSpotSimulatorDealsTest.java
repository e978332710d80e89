package dev.crmsync.testkit.hubspot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Deals: their contacts through the v4 associations API, and a rep moving the stage. */
class HubSpotSimulatorDealsTest {
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
        simulator.repEdit("ann@example.com", Map.of());
        simulator.repEdit("bo@example.com", Map.of());
    }

    @Test
    void associationsListTheDealsContacts() {
        // given
        String dealId = simulator.createDeal(Map.of("dealname", "Pilot", "dealstage", "appointmentscheduled"),
                List.of("ann@example.com", "bo@example.com"));

        // when
        SimHttp.Answer answer = http.get("/crm/v4/objects/deals/" + dealId + "/associations/contacts?limit=500");

        // then
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().path("results")).extracting(r -> r.path("toObjectId").asString()).containsExactly(
                simulator.contactId("ann@example.com").orElseThrow(), simulator.contactId("bo@example.com").orElseThrow());
        assertThat(answer.body().path("results").path(0).path("associationTypes").path(0).path("typeId").asInt())
                .isEqualTo(3);
        assertThat(answer.body().has("paging")).isFalse();
        assertThat(simulator.requestsByOperation()).containsEntry("deals/associations/contacts", 1);
    }

    @Test
    void associationsPageWithAfter() {
        // given
        String dealId = simulator.createDeal(Map.of("dealname", "Pilot"), List.of("ann@example.com", "bo@example.com"));

        // when
        SimHttp.Answer first = http.get("/crm/v4/objects/deals/" + dealId + "/associations/contacts?limit=1");
        String after = first.body().path("paging").path("next").path("after").asString();
        SimHttp.Answer second = http.get("/crm/v4/objects/deals/" + dealId + "/associations/contacts?limit=1&after="
                + after);

        // then
        assertThat(first.body().path("results")).hasSize(1);
        assertThat(second.body().path("results").path(0).path("toObjectId").asString())
                .isEqualTo(simulator.contactId("bo@example.com").orElseThrow());
        assertThat(second.body().has("paging")).isFalse();
    }

    @Test
    void unknownDealIs404() {
        assertThat(http.get("/crm/v4/objects/deals/42/associations/contacts").status()).isEqualTo(404);
    }

    @Test
    void repMovingTheDealStageSendsADealPropertyChange() {
        // given
        simulator.configureWebhooks(receiver.uri("/webhooks/hubspot"), "secret", 42);
        String dealId = simulator.createDeal(Map.of("dealname", "Pilot", "dealstage", "appointmentscheduled"),
                List.of("ann@example.com"));

        // when
        simulator.repEditDeal(dealId, Map.of("dealstage", "closedwon"));

        // then
        List<WebhookReceiver.Received> received = receiver.received();
        List<JsonNode> events = WebhookBodies.events(received.get(received.size() - 1).body());
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.path("subscriptionType").asString()).isEqualTo("deal.propertyChange");
            assertThat(e.path("objectId").asString()).isEqualTo(dealId);
            assertThat(e.path("propertyName").asString()).isEqualTo("dealstage");
            assertThat(e.path("propertyValue").asString()).isEqualTo("closedwon");
        });
        assertThat(simulator.deal(dealId).orElseThrow()).containsEntry("dealstage", "closedwon");
    }

    @Test
    void aDealNeedsExistingContacts() {
        assertThatThrownBy(() -> simulator.createDeal(Map.of("dealname", "Pilot"), List.of("nobody@example.com")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
