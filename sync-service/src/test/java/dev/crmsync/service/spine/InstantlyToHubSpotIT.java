package dev.crmsync.service.spine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.crmsync.service.InstantlyWebhooks;
import dev.crmsync.service.RunningService;
import dev.crmsync.service.TestDatabase;
import dev.crmsync.testkit.hubspot.HubSpotSimulator;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The spine end to end: webhooks in, PostgreSQL, rules, outbox, HubSpot simulator over HTTP. */
class InstantlyToHubSpotIT {
    private static final Set<String> PROPERTIES = Set.of("lifecyclestage", "hs_lead_status", "sync_lost_reason",
            "sync_do_not_contact", "sync_suppression_reason");

    private HubSpotSimulator hubspot;
    private RunningService service;

    @BeforeEach
    void start() {
        hubspot = HubSpotSimulator.start();
        service = RunningService.start(RunningService.settings(TestDatabase.fresh(), hubspot));
    }

    @AfterEach
    void stop() {
        service.close();
        hubspot.close();
    }

    @Test
    void thousandWebhooksForTwoHundredLeadsWithDuplicatesAndDisorderEndInExactlyTheExpectedState() throws Exception {
        // given 1,000 events for 200 leads, 10% delivered twice, shuffled out of timestamp order
        LeadScenario scenario = new LeadScenario(42, 200, 5);
        List<String> deliveries = scenario.deliveries(7, 0.10);
        InstantlyWebhooks webhooks = new InstantlyWebhooks(service.uri("/webhooks/instantly"));

        // when they arrive from 8 concurrent senders
        ExecutorService senders = Executors.newFixedThreadPool(8);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        for (String body : deliveries) {
            answers.add(senders.submit(() -> webhooks.post(body)));
        }
        for (Future<HttpResponse<String>> answer : answers) {
            assertThat(answer.get().statusCode()).as(answer.get().body()).isEqualTo(200);
        }
        senders.shutdown();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(service::isDrained);

        // then every lead holds exactly what the status table says, with one note per reply
        for (String email : scenario.leads()) {
            // The oracle models the status table and suppression; other properties the mapping writes
            // (such as the engagement score) are not compared here.
            Map<String, String> actual = hubspot.contact(email).orElse(Map.of()).entrySet().stream()
                    .filter(e -> PROPERTIES.contains(e.getKey()) && e.getValue() != null && !e.getValue().isEmpty())
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
            assertThat(actual).as("properties of %s", email).isEqualTo(scenario.expectedProperties(email));
            assertThat(hubspot.notesFor(email)).as("notes of %s", email).hasSize(scenario.replies(email));
        }
        assertThat(hubspot.noteCount()).isEqualTo(scenario.totalReplies());
        Integer stored = service.jdbc().queryForObject("select count(*) from inbound_event", Integer.class);
        assertThat(stored).as("each distinct event stored once").isEqualTo(1000);
        Integer dead = service.jdbc().queryForObject("select count(*) from dead_letter", Integer.class);
        assertThat(dead).isZero();

        long calls = hubspot.requestCount();
        long synced = hubspot.contactCount();
        System.out.printf("[measure] HubSpot calls: %d for %d synced contacts and %d notes: %.3f calls per record%n",
                calls, synced, hubspot.noteCount(), (double) calls / synced);
        assertThat(calls).as("coalescing keeps calls below one per webhook").isLessThan(deliveries.size());
    }
}
