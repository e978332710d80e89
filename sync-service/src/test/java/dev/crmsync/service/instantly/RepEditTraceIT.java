package dev.crmsync.service.instantly;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crmsync.service.InstantlyWebhooks;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A rep's HubSpot edit names only a contact id, yet it shows in the person's trace as a received event. */
class RepEditTraceIT {
    private static final String ANN = "ann@acme.example";
    private InstantlyAndHubSpot systems;

    @BeforeEach
    void start() {
        systems = new InstantlyAndHubSpot();
    }

    @AfterEach
    void stop() {
        systems.close();
    }

    @Test
    void aCrmChangeNamedByRecordIdAppearsInThePersonsJourney() throws Exception {
        // given Ann's reply synced to HubSpot, so her contact id is known
        systems.addLead(ANN);
        systems.post(InstantlyWebhooks.event("reply_received", ANN, Instant.now(),
                Map.of("email_id", "r-1", "reply_text", "Let's talk")));
        systems.settle();

        // when a rep moves her to Opportunity in HubSpot (the webhook carries the contact id, not the email)
        systems.hubspot.repEdit(ANN, Map.of("lifecyclestage", "opportunity"));
        systems.settle();

        // then her journey shows HubSpot's event, translated, and the decision it led to for Instantly
        List<JsonNode> trace = systems.trace(ANN);
        List<JsonNode> fromHubSpot = trace.stream().filter(e -> e.path("type").asString().equals("received")
                && e.path("source").asString().equals("hubspot")).toList();
        assertThat(fromHubSpot).isNotEmpty();
        long eventId = fromHubSpot.get(fromHubSpot.size() - 1).path("eventId").asLong();
        assertThat(trace).anyMatch(e -> e.path("type").asString().equals("translated")
                && e.path("eventId").asLong() == eventId);
        assertThat(trace).anyMatch(e -> e.path("type").asString().equals("decision")
                && e.path("eventId").asLong() == eventId && e.path("target").asString().equals("instantly"));
    }
}
