package dev.crmsync.service.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.crmsync.service.InstantlyWebhooks;
import dev.crmsync.service.RunningService;
import dev.crmsync.service.TestDatabase;
import dev.crmsync.testkit.http.Storm;
import dev.crmsync.testkit.hubspot.HubSpotSimulator;
import dev.crmsync.testkit.instantly.InstantlySimulator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Both vendors storm for 45 s (5 minutes in the soak) while the work arrives: 30% of API calls answer
 * a 5xx, bursts of 429s, calls that stall for 10 s (past the client timeout) and connections dropped
 * before or after the write. Once it has passed, everything converges: replies
 * are exactly one HubSpot note each, reps' edits still reach Instantly, the dead-letter table holds
 * only the writes HubSpot refuses for good, and every repeated Instantly call has a failed call of
 * the same write behind it (a retried write repeats its earlier calls with the same value).
 */
class VendorStormIT {
    private static final String CLIENT_SECRET = "storm-hubspot-client-secret";
    private static final long APP_ID = 777_004L;

    @Test
    void everythingConvergesThroughAVendorStormAndOnlyPermanentErrorsAreDeadLettered() throws Exception {
        int people = Soak.pick(80, 600);
        int refused = 5;
        int repEdits = people / 4;
        Storm storm = new Storm(42, 0.30, 0.03, 5, 0.01, Duration.ofSeconds(10), 0.06);
        Duration stormLength = Soak.pick(Duration.ofSeconds(45), Duration.ofMinutes(5));
        try (HubSpotSimulator hubspot = HubSpotSimulator.start(); InstantlySimulator instantly = InstantlySimulator.start()) {
            hubspot.setRateLimit(100_000);
            Map<String, Object> settings = RunningService.settings(TestDatabase.fresh(), hubspot);
            settings.put("sync.adapters.hubspot.client-secret", CLIENT_SECRET);
            settings.put("sync.adapters.hubspot.app-id", Long.toString(APP_ID));
            settings.put("sync.adapters.hubspot.timeout-ms", "1500");
            settings.put("sync.adapters.instantly.base-url", instantly.baseUrl());
            settings.put("sync.adapters.instantly.api-key", instantly.apiKey());
            settings.put("sync.adapters.instantly.timeout-ms", "1500");
            // The retry budget must outlast the storm: 20 attempts with backoff up to 5 s span about 80 s
            // here (the production default, 8 attempts with backoff up to 5 minutes, spans far longer).
            settings.put("sync.dispatch.initial-backoff", "200ms");
            settings.put("sync.dispatch.max-backoff", "5s");
            settings.put("sync.dispatch.max-attempts", "20");
            try (RunningService service = RunningService.start(settings)) {
                hubspot.configureWebhooks(service.uri("/webhooks/hubspot"), CLIENT_SECRET, APP_ID);
                String campaign = instantly.addCampaign("Storm");
                List<String> emails = new ArrayList<>();
                List<String> reps = new ArrayList<>();
                for (int i = 0; i < people; i++) {
                    emails.add("storm" + i + "@acme.example");
                    instantly.addLead(emails.get(i), campaign);
                }
                for (int i = 0; i < repEdits; i++) {
                    reps.add("storm-crm" + i + "@acme.example");
                    instantly.addLead(reps.get(i), campaign);
                }
                hubspot.defineProperty("contacts", "sync_lost_reason", List.of("Budget"));
                long stormEnds = System.nanoTime() + stormLength.toNanos();
                hubspot.startStorm(storm);
                instantly.startStorm(new Storm(43, 0.30, 0.03, 5, 0.01, Duration.ofSeconds(10), 0.06));
                hubspot.delayNextResponse("notes/batch/create", Duration.ofSeconds(10));

                // given, spread over the storm: replies from everyone, a lost reason HubSpot refuses for a
                // few, and reps moving other contacts to Opportunity in HubSpot
                InstantlyWebhooks webhooks = new InstantlyWebhooks(service.uri("/webhooks/instantly"));
                Instant t0 = Instant.parse("2026-11-20T10:00:00Z");
                long pause = stormLength.toMillis() * 8 / 10 / people;
                for (int i = 0; i < people; i++) {
                    assertThat(webhooks.post(InstantlyWebhooks.event("reply_received", emails.get(i), t0.plusSeconds(i),
                            Map.of("email_id", "storm-reply-" + i, "reply_text", "Storm reply " + i))).statusCode())
                            .isEqualTo(200);
                    if (i % 4 == 0) {
                        hubspot.repEdit(reps.get(i / 4), Map.of("lifecyclestage", "opportunity"));
                    }
                    Thread.sleep(pause);
                }
                for (int i = 0; i < refused; i++) {
                    assertThat(webhooks.post(InstantlyWebhooks.event("lead_not_interested", emails.get(people - 1 - i),
                            t0.plusSeconds(1_000 + i), Map.of())).statusCode()).isEqualTo(200);
                }

                // when the storm has raged its full length and passed
                Thread.sleep(Math.max(0, (stormEnds - System.nanoTime()) / 1_000_000));
                Map<Storm.Hit, Integer> hubspotHits = hubspot.stormHits();
                Map<Storm.Hit, Integer> instantlyHits = instantly.stormHits();
                long backlogAtStormEnd = service.jdbc().queryForObject("select (select count(*) from inbound_queue) + "
                        + "(select count(*) from outbound_command where status = 'pending')", Long.class);
                hubspot.stopStorm();
                instantly.stopStorm();
                await().atMost(Duration.ofSeconds(240)).pollInterval(Duration.ofMillis(500)).until(() -> {
                    hubspot.awaitWebhooks(Duration.ofSeconds(5));
                    return service.isDrained();
                });

                // then each reply is one note, each edit reached Instantly, only the refused writes are dead
                List<String> wrong = new ArrayList<>();
                int interestCalls = 0;
                for (int i = 0; i < people; i++) {
                    String email = emails.get(i);
                    int notes = hubspot.notesFor(email).size();
                    if (notes != 1) {
                        wrong.add(email + " has " + notes + " notes");
                    }
                }
                for (String rep : reps) {
                    interestCalls += instantly.interestUpdates(rep);
                    if (instantly.interestUpdates(rep) < 1 || !instantly.leads(rep).isEmpty()) {
                        wrong.add(rep + ": the rep's edit did not reach Instantly");
                    }
                }
                List<Map<String, Object>> dead = service.jdbc().queryForList(
                        "select record_key, error_kind, reason from dead_letter");
                // An Instantly write can take several calls (interest status, then ending the sequence); when a
                // later one fails, the retry repeats the earlier ones with the same value. So every repeat
                // needs a failed call behind it.
                int failedInstantlyCalls = instantlyHits.entrySet().stream()
                        .filter(e -> e.getKey() != Storm.Hit.NONE).mapToInt(Map.Entry::getValue).sum();
                long retries = service.jdbc().queryForObject(
                        "select count(*) from command_attempt where outcome in ('retry', 'rate-limited')", Long.class);
                System.out.printf("[measure] vendor storm of %d s: %d replies, %d rep edits; HubSpot hits %s; "
                                + "Instantly hits %s; %d retries; backlog %d when the storm ended; %d dead letters; "
                                + "%d Instantly interest calls for %d edits%n", stormLength.toSeconds(), people, repEdits,
                        hubspotHits, instantlyHits, retries, backlogAtStormEnd, dead.size(), interestCalls, repEdits);
                assertThat(wrong).isEmpty();
                assertThat(hubspot.noteCount()).isEqualTo(people);
                assertThat(dead.stream().map(row -> row.get("record_key")).distinct()).hasSize(refused);
                assertThat(dead).allSatisfy(row -> {
                    assertThat(row.get("error_kind")).isEqualTo("permanent");
                    assertThat((String) row.get("reason")).contains("sync_lost_reason");
                });
                assertThat(interestCalls - repEdits).as("repeats only where a call of the write failed")
                        .isLessThanOrEqualTo(failedInstantlyCalls);
                assertThat(failedInstantlyCalls).as("the storm was met at Instantly too").isPositive();
                assertThat(hubspotHits.getOrDefault(Storm.Hit.SERVER_ERROR, 0)).as("the storm was met").isPositive();
                assertThat(hubspotHits.getOrDefault(Storm.Hit.RATE_LIMITED, 0)).isPositive();
                assertThat(hubspotHits.getOrDefault(Storm.Hit.RESET_AFTER_APPLY, 0)
                        + hubspotHits.getOrDefault(Storm.Hit.RESET_BEFORE_APPLY, 0)).isPositive();
            }
        }
    }
}
