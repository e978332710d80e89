package dev.crmsync.service.hubspot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crmsync.service.instantly.InstantlyAndHubSpot;
import dev.crmsync.testkit.instantly.SimulatedLead;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** What reps do in HubSpot beyond a contact's properties: deals, new contacts, deleted contacts. */
class HubSpotInboundIT {
    private static final String ANN = "ann@acme.example";
    private static final String BOB = "bob@acme.example";

    private InstantlyAndHubSpot sync;

    @BeforeEach
    void start() {
        sync = new InstantlyAndHubSpot();
        sync.subscribe(sync.webhookEndpoint());
        sync.addLead(ANN);
        sync.addLead(BOB);
    }

    @AfterEach
    void stop() {
        sync.close();
    }

    @Test
    void aDealStageChangeReachesEveryContactOfTheDealInInstantlyOnce() {
        // given a deal with two contacts, both leads in Instantly
        sync.hubspot.repEdit(ANN, Map.of("firstname", "Ann"));
        sync.hubspot.repEdit(BOB, Map.of("firstname", "Bob"));
        String deal = sync.hubspot.createDeal(Map.of("dealname", "Acme", "dealstage", "presentationscheduled"),
                List.of(ANN, BOB));
        sync.settle();

        // when a rep marks the deal lost
        sync.hubspot.repEditDeal(deal, Map.of("dealstage", "closedlost"));
        sync.settle();

        // then each lead is not interested, written once, and shows the deal's stage
        for (String email : List.of(ANN, BOB)) {
            assertThat(sync.instantly.interestUpdates(email)).as(email).isEqualTo(1);
            assertThat(sync.instantly.interestStatus(email)).as(email).contains(-1);
            assertThat(sync.instantly.lead(email).map(SimulatedLead::customVariables).orElseThrow())
                    .as(email).containsEntry("deal_stage", "closedlost");
        }
        assertThat(sync.hubspot.requestsByOperation()).containsEntry("deals/associations/contacts", 1);

        // and a change of another deal property moves nothing
        sync.hubspot.repEditDeal(deal, Map.of("amount", "1200"));
        sync.settle();
        assertThat(sync.instantly.interestUpdates(ANN) + sync.instantly.interestUpdates(BOB)).isEqualTo(2);
    }

    @Test
    void aContactCreatedInHubSpotIsLinkedAndChangesNothingByItself() throws Exception {
        sync.hubspot.repEdit(ANN, Map.of());
        sync.settle();

        String contactId = sync.hubspot.contactId(ANN).orElseThrow();
        assertThat(sync.service.jdbc().queryForList("select external_id from identity_link where email = ? "
                + "and system = 'hubspot'", String.class, ANN)).containsExactly(contactId);
        List<JsonNode> trace = sync.trace(ANN);
        assertThat(trace).anySatisfy(entry -> {
            assertThat(entry.path("type").asString()).isEqualTo("decision");
            assertThat(entry.path("outcome").asString()).isEqualTo("no-change");
            assertThat(entry.path("reason").asString()).contains("'contact.creation'");
        });
        assertThat(sync.instantly.interestUpdates(ANN)).isZero();
    }

    @Test
    void aContactDeletedInHubSpotIsForgottenThereAndLeftAloneInInstantly() throws Exception {
        // given a contact the engine knows in HubSpot, with a stage it wrote there
        sync.instantly.sendEvent("reply_received", ANN, Map.of("email_id", "r-1", "reply_text", "Tell me more"))
                .get();
        sync.settle();
        assertThat(sync.service.jdbc().queryForObject("select count(*) from field_state where system = 'hubspot' "
                + "and record_key = ?", Integer.class, ANN)).isPositive();

        // when a rep deletes it
        sync.hubspot.repDeleteContact(ANN);
        sync.settle();

        // then the link and what HubSpot held are forgotten, the trace says why, and Instantly keeps the lead
        assertThat(sync.service.jdbc().queryForObject("select count(*) from identity_link where system = 'hubspot' "
                + "and email = ?", Integer.class, ANN)).isZero();
        assertThat(sync.service.jdbc().queryForObject("select count(*) from field_state where system = 'hubspot' "
                + "and record_key = ?", Integer.class, ANN)).isZero();
        assertThat(sync.trace(ANN)).anySatisfy(entry -> {
            assertThat(entry.path("subject").asString()).isEqualTo("record");
            assertThat(entry.path("reason").asString()).contains("deleted in hubspot");
        });
        assertThat(sync.instantly.leads(ANN)).isNotEmpty();
        assertThat(sync.instantly.isBlocked(ANN)).isFalse();

        // and the next reply creates the contact again, with its stage
        sync.instantly.sendEvent("reply_received", ANN, Map.of("email_id", "r-2", "reply_text", "Still there?"))
                .get();
        sync.settle();
        assertThat(sync.hubspot.contact(ANN).orElseThrow()).containsEntry("lifecyclestage", "lead");
    }
}
