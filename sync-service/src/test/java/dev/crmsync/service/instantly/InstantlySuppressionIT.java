package dev.crmsync.service.instantly;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * Do-not-contact from Instantly, end to end: the default mapping's suppression rules put an
 * unsubscribed or hard-bounced person on Instantly's own block list and mark the HubSpot contact;
 * a soft bounce does neither.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InstantlySuppressionIT {
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

    @Test
    void unsubscribeBlocksThePersonInInstantlyAndMarksTheHubSpotContactDoNotContact() throws Exception {
        // given a lead in a campaign
        String email = "unsubscribed@suppression.example";
        systems.addLead(email);

        // when Instantly reports that the lead unsubscribed
        systems.instantly.sendEvent("lead_unsubscribed", email, Map.of()).get();
        systems.settle();

        // then the lead is on Instantly's block list and HubSpot says do not contact, because of the unsubscribe
        assertThat(systems.instantly.isBlocked(email)).isTrue();
        assertThat(systems.instantly.blockList()).containsOnlyOnce(email);
        assertThat(systems.mappedProperties(email))
                .containsEntry("sync_do_not_contact", "true").containsEntry("sync_suppression_reason", "unsubscribed");
        assertThat(blockListDecisions(email)).as("one block-list write planned").containsOnlyOnce("applied");
    }

    @Test
    void hardBounceBlocksThePersonInInstantlyAndMarksTheHubSpotContactDoNotContact() throws Exception {
        // given a lead in a campaign
        String email = "hard-bounce@suppression.example";
        systems.addLead(email);

        // when Instantly reports a hard bounce
        systems.instantly.sendEvent("email_bounced", email, Map.of("bounce_type", "hard")).get();
        systems.settle();

        // then the lead is on Instantly's block list and HubSpot says do not contact, because of the bounce
        assertThat(systems.instantly.isBlocked(email)).isTrue();
        assertThat(systems.instantly.blockList()).containsOnlyOnce(email);
        assertThat(systems.mappedProperties(email))
                .containsEntry("sync_do_not_contact", "true").containsEntry("sync_suppression_reason", "hard_bounce");
        assertThat(blockListDecisions(email)).as("one block-list write planned").containsOnlyOnce("applied");
    }

    @Test
    void softBounceNeitherBlocksThePersonNorMarksTheContact() throws Exception {
        // given a lead in a campaign
        String email = "soft-bounce@suppression.example";
        systems.addLead(email);

        // when Instantly reports a soft bounce (a full mailbox)
        systems.instantly.sendEvent("email_bounced", email, Map.of("bounce_type", "soft")).get();
        systems.settle();

        // then nothing is suppressed anywhere
        assertThat(systems.instantly.isBlocked(email)).isFalse();
        assertThat(systems.mappedProperties(email)).doesNotContainKeys("sync_do_not_contact", "sync_suppression_reason");
        assertThat(blockListDecisions(email)).doesNotContain("applied");
    }

    /** The trace's decisions about Instantly's block list for this person. */
    private List<String> blockListDecisions(String email) throws Exception {
        return systems.trace(email).stream()
                .filter(e -> e.path("type").asString().equals("decision") && e.path("target").asString().equals("instantly")
                        && e.path("subject").asString().equals("blocklisted"))
                .map(e -> e.path("outcome").asString()).toList();
    }
}
