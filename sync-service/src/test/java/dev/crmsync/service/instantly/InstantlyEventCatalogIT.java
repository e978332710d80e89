package dev.crmsync.service.instantly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.crmsync.testkit.instantly.WebhookDelivery;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * Every event type of Instantly's catalog (docs/instantly.md), sent by the Instantly simulator's
 * webhook sender to the service, each for a fresh lead, and what HubSpot holds afterwards. The
 * expectations are read from mappings/default.yaml and docs/mappings.md: statuses, suppression,
 * activities and the engagement score; an event the mapping names nothing for leaves HubSpot alone.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InstantlyEventCatalogIT {
    private InstantlyAndHubSpot systems;

    @BeforeAll
    void start() {
        systems = new InstantlyAndHubSpot();
        systems.subscribe(systems.webhookEndpoint());
    }

    @AfterAll
    void stop() {
        systems.close();
    }

    /**
     * @param sent      the event type as Instantly sends it
     * @param extra     fields added to the body
     * @param stored    the event type the service stores it under
     * @param hubspot   the mapped HubSpot properties afterwards; empty: no contact written
     * @param notes     notes on the contact
     * @param blocked   whether the lead ends on Instantly's block list
     * @param decision  the outcome the trace must show for the event
     */
    static Stream<Arguments> catalog() {
        return Stream.of(
                arguments("email_sent", Map.of(), "email_sent", Map.of(), 0, false, "no-change"),
                arguments("email_opened", Map.of("email_id", "m-1"), "email_opened",
                        Map.of("sync_engagement_score", "1"), 0, false, "applied"),
                arguments("email_link_clicked", Map.of("email_id", "m-1"), "email_link_clicked",
                        Map.of("sync_engagement_score", "3"), 0, false, "applied"),
                arguments("link_clicked", Map.of("email_id", "m-1"), "email_link_clicked",
                        Map.of("sync_engagement_score", "3"), 0, false, "applied"),
                arguments("reply_received", Map.of("email_id", "r-1", "reply_text", "Let's talk"), "reply_received",
                        Map.of("lifecyclestage", "lead", "hs_lead_status", "CONNECTED"), 1, false, "applied"),
                arguments("auto_reply_received", Map.of("email_id", "ar-1", "reply_text", "Back Monday"),
                        "auto_reply_received", Map.of(), 0, false, "no-change"),
                arguments("email_bounced", Map.of("bounce_type", "hard"), "email_bounced",
                        Map.of("sync_do_not_contact", "true", "sync_suppression_reason", "hard_bounce",
                                "sync_engagement_score", "-10"), 0, true, "applied"),
                arguments("email_bounced", Map.of("bounce_type", "soft"), "email_bounced", Map.of(), 0, false,
                        "no-change"),
                arguments("lead_unsubscribed", Map.of(), "lead_unsubscribed",
                        Map.of("sync_do_not_contact", "true", "sync_suppression_reason", "unsubscribed"), 0, true,
                        "applied"),
                arguments("campaign_completed", Map.of(), "campaign_completed",
                        Map.of("sync_engagement_score", "-3"), 0, false, "applied"),
                arguments("sequence_completed", Map.of(), "campaign_completed",
                        Map.of("sync_engagement_score", "-3"), 0, false, "applied"),
                arguments("lead_interested", Map.of(), "lead_interested",
                        Map.of("lifecyclestage", "salesqualifiedlead", "sync_engagement_score", "10"), 0, false, "applied"),
                arguments("lead_not_interested", Map.of(), "lead_not_interested",
                        Map.of("lifecyclestage", "other", "sync_lost_reason", "Not interested",
                                "sync_engagement_score", "-5"), 0, false, "applied"),
                arguments("lead_neutral", Map.of(), "lead_neutral", Map.of(), 0, false, "no-change"),
                arguments("lead_meeting_booked", Map.of(), "lead_meeting_booked",
                        Map.of("lifecyclestage", "opportunity"), 0, false, "applied"),
                arguments("lead_meeting_completed", Map.of(), "lead_meeting_completed",
                        Map.of("lifecyclestage", "opportunity"), 0, false, "applied"),
                arguments("lead_closed", Map.of(), "lead_closed", Map.of("lifecyclestage", "customer"), 0, false, "applied"),
                arguments("lead_out_of_office", Map.of(), "lead_out_of_office", Map.of(), 0, false, "no-change"),
                arguments("lead_wrong_person", Map.of(), "lead_wrong_person",
                        Map.of("hs_lead_status", "UNQUALIFIED"), 0, false, "applied"),
                arguments("lead_status_changed", Map.of("interest_value", 2), "lead_status_changed", Map.of(), 0, false,
                        "no-change"),
                arguments("Demo Requested", Map.of(), "Demo Requested", Map.of(), 0, false, "no-change"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("catalog")
    void eachLeadEventReachesHubSpotAsTheDefaultMappingSaysAndShowsInTheTrace(
            String sent, Map<String, Object> extra, String stored, Map<String, String> hubspot, int notes,
            boolean blocked, String decision) throws Exception {
        // given a fresh lead in the campaign
        String email = (sent + extra.getOrDefault("bounce_type", "")).toLowerCase().replaceAll("[^a-z0-9]", "-")
                + "@catalog.example";
        systems.addLead(email);

        // when Instantly's webhook sender delivers the event to the service
        List<WebhookDelivery> deliveries = systems.instantly.sendEvent(sent, email, extra).get();
        systems.settle();

        // then it was accepted once, stored under its catalog name, and HubSpot holds what the mapping says
        assertThat(deliveries).hasSize(1);
        assertThat(deliveries.get(0).attempts()).as("accepted on the first try").hasSize(1);
        assertThat(deliveries.get(0).delivered()).isTrue();
        assertThat(systems.service.jdbc().queryForList("select event_type from inbound_event where source = 'instantly' and email = ?",
                String.class, email)).containsExactly(stored);
        assertThat(systems.mappedProperties(email)).isEqualTo(hubspot);
        if (hubspot.isEmpty()) {
            assertThat(systems.hubspot.contact(email)).as("no contact written").isEmpty();
        }
        assertThat(systems.hubspot.notesFor(email)).hasSize(notes);
        assertThat(systems.instantly.isBlocked(email)).as("on Instantly's block list").isEqualTo(blocked);

        // and the trace shows the event received and decided
        List<JsonNode> trace = systems.trace(email);
        assertThat(trace).filteredOn(e -> e.path("type").asString().equals("received"))
                .extracting(e -> e.path("eventType").asString()).contains(stored);
        assertThat(trace).filteredOn(e -> e.path("type").asString().equals("decision"))
                .extracting(e -> e.path("outcome").asString()).isNotEmpty().contains(decision);
    }

    @Test
    void accountErrorWithoutALeadIsStoredAndDecidedButChangesNoOne() throws Exception {
        // given HubSpot's contacts before
        int contacts = systems.hubspot.contactCount();

        // when Instantly reports a sending account's error, which names no lead
        List<WebhookDelivery> deliveries = systems.instantly.sendEvent("account_error", null,
                Map.of("email_account", "sdr@sender.example", "error_type", "smtp_auth_failed",
                        "error_message", "535 5.7.8 Username and Password not accepted")).get();
        systems.settle();

        // then it is stored with a no-change decision, and nothing is written anywhere
        assertThat(deliveries.get(0).delivered()).isTrue();
        Long id = systems.service.jdbc().queryForObject(
                "select max(id) from inbound_event where event_type = 'account_error'", Long.class);
        assertThat(id).as("stored").isNotNull();
        assertThat(systems.service.jdbc().queryForList("select outcome from decision where event_id = ?",
                String.class, id)).containsExactly("no-change");
        assertThat(systems.hubspot.contactCount()).isEqualTo(contacts);
    }
}
