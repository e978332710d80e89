package dev.crmsync.service.instantly;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crmsync.testkit.instantly.DeliveryAttempt;
import dev.crmsync.testkit.instantly.WebhookDelivery;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Instantly retries a delivery whose answer it did not get, with the identical body, and may add its
 * retry fields (retry_count, will_retry...): every effect must still happen once.
 */
class InstantlyRetriedDeliveryIT {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String ANN = "ann@retried.example";

    private InstantlyAndHubSpot systems;
    private LostAnswerGateway gateway;

    @BeforeEach
    void start() {
        systems = new InstantlyAndHubSpot();
        gateway = new LostAnswerGateway(systems.webhookEndpoint());
        systems.subscribe(gateway.uri());
        systems.instantly.setDeliveryRetryDelays(Duration.ofMillis(200), Duration.ofMillis(400), Duration.ofMillis(800));
        systems.addLead(ANN);
    }

    @AfterEach
    void stop() {
        gateway.close();
        systems.close();
    }

    @Test
    void eventsRetriedAfterALostAnswerAndAgainWithRetryFieldsTakeEffectOnce() throws Exception {
        // given a reply, an interest label and an unsubscribe, each stored by the service on Instantly's
        // first try but answered 503, so Instantly delivers each one again
        List<WebhookDelivery> deliveries = List.of(
                deliver("reply_received", Map.of("email_id", "r-1", "reply_text", "Let's talk")),
                deliver("lead_interested", Map.of()),
                deliver("lead_unsubscribed", Map.of()));
        systems.settle();
        int hubspotWrites = hubspotWrites();

        // when Instantly sends each body once more, marked as a retry the way Instantly marks them
        for (WebhookDelivery delivery : deliveries) {
            ObjectNode retried = (ObjectNode) JSON.readTree(delivery.bodyText());
            retried.put("retry_count", 2);
            retried.put("will_retry", false);
            retried.put("retry_successful", true);
            retried.put("retry_group_id", "rg-" + delivery.eventType());
            assertThat(systems.post(JSON.writeValueAsString(retried))).isEqualTo(200);
        }
        systems.settle();

        // then each try reached the service and was answered, yet every event is stored once
        for (WebhookDelivery delivery : deliveries) {
            assertThat(delivery.attempts()).extracting(DeliveryAttempt::status).containsExactly(503, 200);
        }
        assertThat(gateway.forwarded()).isEqualTo(6);
        assertThat(systems.storedEvents(ANN)).isEqualTo(3);

        // and every effect happened once: one note, the score counted once, one block-list entry,
        // no interest update echoed to Instantly, and no HubSpot write for the repeated deliveries
        assertThat(systems.hubspot.notesFor(ANN)).hasSize(1);
        assertThat(systems.mappedProperties(ANN)).containsEntry("lifecyclestage", "salesqualifiedlead")
                .containsEntry("hs_lead_status", "CONNECTED").containsEntry("sync_engagement_score", "10")
                .containsEntry("sync_do_not_contact", "true");
        assertThat(systems.instantly.blockList()).containsOnlyOnce(ANN);
        assertThat(systems.blockListWrites()).isEqualTo(1);
        assertThat(systems.instantly.interestUpdates(ANN)).isZero();
        assertThat(hubspotWrites()).isEqualTo(hubspotWrites);
        Integer dead = systems.service.jdbc().queryForObject("select count(*) from dead_letter", Integer.class);
        assertThat(dead).isZero();
    }

    /** Sends one event through the gateway and waits until Instantly has finished delivering it. */
    private WebhookDelivery deliver(String type, Map<String, Object> extra) throws Exception {
        List<WebhookDelivery> deliveries = systems.instantly.sendEvent(type, ANN, extra).get();
        assertThat(deliveries).hasSize(1);
        return deliveries.get(0);
    }

    private int hubspotWrites() {
        return systems.hubspot.requestCount();
    }
}
