package dev.crmsync.testkit.instantly;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class InstantlySimulatorLeadsTest {
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
    void listPagesWithStartingAfterUntilNoCursorIsReturned() {
        // given
        String campaign = simulator.addCampaign("Q1");
        for (int i = 0; i < 5; i++) {
            simulator.addLead("p" + i + "@example.com", campaign);
        }

        // when
        List<String> emails = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        String cursor = null;
        do {
            SimHttp.Answer page = http.post("/api/v2/leads/list", "{\"limit\":2"
                    + (cursor == null ? "" : ",\"starting_after\":\"" + cursor + "\"") + "}");
            assertThat(page.status()).isEqualTo(200);
            page.body().path("items").forEach(lead -> emails.add(lead.path("email").asString()));
            pageSizes.add(page.body().path("items").size());
            cursor = page.body().has("next_starting_after") ? page.body().path("next_starting_after").asString() : null;
        } while (cursor != null);

        // then
        assertThat(pageSizes).containsExactly(2, 2, 1);
        assertThat(emails).containsExactly("p0@example.com", "p1@example.com", "p2@example.com", "p3@example.com",
                "p4@example.com");
    }

    @Test
    void listFiltersByCampaignAndByContacts() {
        // given
        String q1 = simulator.addCampaign("Q1");
        String q2 = simulator.addCampaign("Q2");
        simulator.addLead("ann@example.com", q1);
        simulator.addLead("ann@example.com", q2);
        simulator.addLead("bob@example.com", q2);

        // when
        JsonNode inQ2 = http.post("/api/v2/leads/list", "{\"campaign\":\"" + q2 + "\"}").body();
        JsonNode ann = http.post("/api/v2/leads/list", "{\"contacts\":[\"ANN@example.com\"]}").body();

        // then
        assertThat(inQ2.path("items")).hasSize(2);
        assertThat(inQ2.has("next_starting_after")).isFalse();
        assertThat(ann.path("items")).hasSize(2).allSatisfy(lead ->
                assertThat(lead.path("email").asString()).isEqualTo("ann@example.com"));
    }

    @Test
    void listRefusesALimitAboveOneHundred() {
        // when
        SimHttp.Answer answer = http.post("/api/v2/leads/list", "{\"limit\":101}");

        // then
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().path("statusCode").asInt()).isEqualTo(400);
        assertThat(answer.body().path("error").asString()).isEqualTo("Bad Request");
    }

    @Test
    void interestStatusUpdateIsAcceptedAsABackgroundJobAndAppliesToEveryRecord() {
        // given
        simulator.addLead("ann@example.com", simulator.addCampaign("Q1"));
        simulator.addLead("ann@example.com", simulator.addCampaign("Q2"));

        // when
        SimHttp.Answer answer = http.post("/api/v2/leads/update-interest-status",
                "{\"lead_email\":\"ann@example.com\",\"interest_value\":2}");

        // then
        assertThat(answer.status()).isEqualTo(202);
        assertThat(answer.body().path("message").asString()).contains("background job submitted");
        assertThat(simulator.interestStatus("ann@example.com")).contains(2);
        assertThat(simulator.leads("ann@example.com")).allSatisfy(l -> assertThat(l.interestStatus()).isEqualTo(2));
        assertThat(simulator.interestUpdates("ann@example.com")).isEqualTo(1);
    }

    @Test
    void nullInterestValueResetsTheLeadToLead() {
        // given
        simulator.addLead("ann@example.com", null);
        http.post("/api/v2/leads/update-interest-status", "{\"lead_email\":\"ann@example.com\",\"interest_value\":1}");

        // when
        http.post("/api/v2/leads/update-interest-status", "{\"lead_email\":\"ann@example.com\",\"interest_value\":null}");

        // then
        assertThat(simulator.interestStatus("ann@example.com")).isEmpty();
        assertThat(simulator.interestUpdates("ann@example.com")).isEqualTo(2);
    }

    @Test
    void unknownInterestValueIs400AndChangesNothing() {
        // given
        simulator.addLead("ann@example.com", null);

        // when
        SimHttp.Answer answer = http.post("/api/v2/leads/update-interest-status",
                "{\"lead_email\":\"ann@example.com\",\"interest_value\":9}");

        // then
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().path("message").asString()).contains("interest_value");
        assertThat(simulator.interestStatus("ann@example.com")).isEmpty();
    }

    @Test
    void patchSetsCoreFieldsAndReplacesTheCustomVariables() {
        // given
        String id = simulator.addLead("ann@example.com", null, Map.of("tier", "B", "seats", "10"));

        // when
        SimHttp.Answer answer = http.patch("/api/v2/leads/" + id,
                "{\"first_name\":\"Ann\",\"custom_variables\":{\"tier\":\"A\"}}");

        // then
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().path("payload").path("firstName").asString()).isEqualTo("Ann");
        assertThat(simulator.lead("ann@example.com").orElseThrow().fields()).containsEntry("first_name", "Ann");
        assertThat(simulator.lead("ann@example.com").orElseThrow().customVariables()).containsExactly(
                Map.entry("tier", "A"));
    }

    @Test
    void deleteTakesTheRecordOutAndAnswersIt() {
        // given
        String id = simulator.addLead("ann@example.com", simulator.addCampaign("Q1"));

        // when
        SimHttp.Answer answer = http.delete("/api/v2/leads/" + id);

        // then
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().path("id").asString()).isEqualTo(id);
        assertThat(simulator.lead("ann@example.com")).isEmpty();
        assertThat(http.delete("/api/v2/leads/" + id).status()).isEqualTo(404);
    }

    @Test
    void moveToAListTakesTheLeadOutOfItsCampaign() {
        // given
        String id = simulator.addLead("ann@example.com", simulator.addCampaign("Q1"));

        // when
        SimHttp.Answer answer = http.post("/api/v2/leads/move", "{\"ids\":[\"" + id + "\"],\"to_list_id\":\"list-1\"}");

        // then
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().path("type").asString()).isEqualTo("move-leads");
        SimulatedLead moved = simulator.lead("ann@example.com").orElseThrow();
        assertThat(moved.campaignId()).isNull();
        assertThat(moved.listId()).isEqualTo("list-1");
    }

    @Test
    void campaignsListPages() {
        // given
        simulator.addCampaign("A");
        simulator.addCampaign("B");
        simulator.addCampaign("C");

        // when
        SimHttp.Answer first = http.get("/api/v2/campaigns?limit=2");
        SimHttp.Answer second = http.get("/api/v2/campaigns?limit=2&starting_after="
                + first.body().path("next_starting_after").asString());

        // then
        assertThat(first.body().path("items")).hasSize(2);
        assertThat(second.body().path("items")).hasSize(1);
        assertThat(second.body().path("items").get(0).path("name").asString()).isEqualTo("C");
        assertThat(second.body().has("next_starting_after")).isFalse();
    }
}
