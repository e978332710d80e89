package dev.crmsync.service.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.crmsync.service.InstantlyWebhooks;
import dev.crmsync.service.RunningService;
import dev.crmsync.service.TestDatabase;
import dev.crmsync.testkit.hubspot.HubSpotSimulator;
import dev.crmsync.testkit.salesforce.SalesforceSimulator;
import dev.crmsync.testkit.salesforce.SimRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Instantly's interest labels reach Salesforce as DESIGN.md's status table says, through the whole service. */
class InstantlyToSalesforceIT {
    private HubSpotSimulator hubspot;
    private SalesforceSimulator salesforce;
    private RunningService service;
    private InstantlyWebhooks webhooks;

    @BeforeEach
    void start() {
        hubspot = HubSpotSimulator.start();
        salesforce = SalesforceSimulator.start();
        service = RunningService.start(SalesforceSettings.with(RunningService.settings(TestDatabase.fresh(), hubspot),
                salesforce));
        webhooks = new InstantlyWebhooks(service.uri("/webhooks/instantly"));
    }

    @AfterEach
    void stop() {
        service.close();
        salesforce.close();
        hubspot.close();
    }

    /** DESIGN.md's table: Instantly status, Salesforce Lead Status (out of office: no change, below). */
    private static final Map<String, String> STATUS_TABLE = Map.of(
            "lead_interested", "Working - Contacted",
            "lead_meeting_booked", "Working - Meeting Set",
            "lead_meeting_completed", "Working - Qualified",
            "lead_not_interested", "Closed - Not Interested",
            "lead_wrong_person", "Closed - Disqualified");

    @Test
    void eachInstantlyStatusSetsTheLeadStatusOfTheTable() throws Exception {
        // when: one person per status
        for (String eventType : STATUS_TABLE.keySet()) {
            post(eventType, eventType + "@example.com");
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> salesforce.leads().size() == STATUS_TABLE.size());
        settle();

        // then
        STATUS_TABLE.forEach((eventType, leadStatus) -> {
            SimRecord lead = salesforce.leadByEmail(eventType + "@example.com").orElseThrow();
            assertThat(lead.get("Status")).as(eventType).isEqualTo(leadStatus);
            assertThat(lead.get("Last_Updated_By_Source__c")).isEqualTo("crm-sync");
            assertThat(lead.get("LastName")).isEqualTo("[not provided]");
            assertThat(lead.get("Company")).isEqualTo("[not provided]");
            assertThat(lead.lastModifiedById()).isEqualTo(SalesforceSimulator.INTEGRATION_USER_ID);
        });
        assertThat(salesforce.callClients()).isNotEmpty().allMatch("crm-sync"::equals);
        assertThat(deadLetters()).isZero();
    }

    @Test
    void outOfOfficeLeavesTheLeadStatusAsItIs() throws Exception {
        // given
        String leadId = salesforce.addLead(Map.of("Email", "ann@example.com", "LastName", "Lee", "Company", "Acme",
                "Status", "Working - Contacted"));

        // when
        post("lead_out_of_office", "ann@example.com");
        post("lead_interested", "bob@example.com");
        await().atMost(Duration.ofSeconds(30)).until(() -> salesforce.leadByEmail("bob@example.com").isPresent());
        settle();

        // then
        assertThat(salesforce.record(leadId).orElseThrow().get("Status")).isEqualTo("Working - Contacted");
        assertThat(salesforce.record(leadId).orElseThrow().lastModifiedById()).isEqualTo(SalesforceSimulator.REP_USER_ID);
        String decision = service.jdbc().queryForObject("select d.outcome from decision d join inbound_event e "
                + "on e.id = d.event_id where e.event_type = 'lead_out_of_office' and d.target = 'salesforce' "
                + "and d.subject = 'status'", String.class);
        assertThat(decision).isEqualTo("retry-later");
    }

    @Test
    void aReplyBecomesOneTaskOnTheContactEvenWhenDeliveredTwice() throws Exception {
        // given
        String contactId = salesforce.addContact(Map.of("Email", "ann@example.com", "LastName", "Lee"));
        String reply = InstantlyWebhooks.event("reply_received", "ann@example.com", Instant.parse("2026-03-02T10:00:00Z"),
                Map.of("email_id", "msg-1", "reply_text", "Sounds good"));

        // when
        webhooks.post(reply);
        webhooks.post(reply);
        await().atMost(Duration.ofSeconds(30)).until(() -> !salesforce.tasks().isEmpty());
        settle();

        // then
        List<SimRecord> tasks = salesforce.tasks();
        assertThat(tasks).hasSize(1);
        assertThat(tasks.get(0).get("WhoId")).isEqualTo(contactId);
        assertThat(tasks.get(0).get("Sync_Key__c")).isNotBlank();
        assertThat(salesforce.leads()).isEmpty();
    }

    @Test
    void aRecordSalesforceRefusesIsDeadLetteredWithItsStatusCodeWhileTheRestAreWritten() throws Exception {
        // given: this org's Lead Status picklist does not have "Closed - Disqualified"
        salesforce.restrictPicklist("Lead", "Status", List.of("Open - Not Contacted", "Working - Contacted"));

        // when
        post("lead_interested", "ann@example.com");
        post("lead_wrong_person", "bob@example.com");
        post("lead_interested", "cid@example.com");
        await().atMost(Duration.ofSeconds(30)).until(() -> deadLetters() == 1);
        settle();

        // then
        assertThat(salesforce.leadByEmail("ann@example.com").orElseThrow().get("Status")).isEqualTo("Working - Contacted");
        assertThat(salesforce.leadByEmail("cid@example.com").orElseThrow().get("Status")).isEqualTo("Working - Contacted");
        assertThat(salesforce.leadByEmail("bob@example.com")).isEmpty();
        Map<String, Object> dead = service.jdbc().queryForMap("select * from dead_letter");
        assertThat(dead.toString()).contains("INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST")
                .contains("bad value for restricted picklist field: Closed - Disqualified");
    }

    private void post(String eventType, String email) throws Exception {
        assertThat(webhooks.post(InstantlyWebhooks.event(eventType, email, Instant.now(), Map.of())).statusCode())
                .isEqualTo(200);
    }

    private void settle() {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(service::isDrained);
    }

    private int deadLetters() {
        return service.jdbc().queryForObject("select count(*) from dead_letter", Integer.class);
    }
}
