package dev.crmsync.service.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.crmsync.service.TestDatabase;
import dev.crmsync.testkit.hubspot.HubSpotSimulator;
import dev.crmsync.testkit.instantly.InstantlySimulator;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Everything the service wrote to stdout and stderr during a full run at TRACE level for our code
 * (Instantly replies, a rep's HubSpot edit flowing back, refused webhooks, vendor failures and
 * retries, a dead letter, the admin API) holds no secret, no email address of the people involved
 * and no reply text.
 */
class LogsHoldNoSecretsIT {
    private static final String WEBHOOK_SECRET = "whsec-logtest-8f3a9c";
    private static final String INSTANTLY_KEY = "inst-key-logtest-51d2e7";
    private static final String HUBSPOT_TOKEN = "pat-logtest-0c44b1";
    private static final String HUBSPOT_CLIENT_SECRET = "hs-client-logtest-9e77aa";
    private static final String ADMIN_TOKEN = "admin-logtest-3b6f10";
    private static final long APP_ID = 777_003L;
    private static final List<String> PEOPLE = List.of("dana.logtest@prospect.example", "eli.logtest@prospect.example",
            "fay.logtest@prospect.example");
    private static final String REPLY = "Sounds great, my direct line is 555-0199";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void aFullRunLogsNoSecretNoEmailAddressAndNoReplyText() throws Exception {
        TestDatabase.Db db = TestDatabase.fresh();
        try (HubSpotSimulator hubspot = HubSpotSimulator.start(0, HUBSPOT_TOKEN);
             InstantlySimulator instantly = InstantlySimulator.start(0, INSTANTLY_KEY)) {
            int port = ForkedService.freePort();
            try (ForkedService service = ForkedService.start(env(db, hubspot, instantly), port, "logs")) {
                hubspot.configureWebhooks(service.uri("/webhooks/hubspot"), HUBSPOT_CLIENT_SECRET, APP_ID);
                instantly.addWebhook(service.uri("/webhooks/instantly").toString(), "all_events",
                        Map.of("X-Webhook-Secret", WEBHOOK_SECRET));
                String campaign = instantly.addCampaign("Log test");
                PEOPLE.forEach(p -> instantly.addLead(p, campaign));

                // replies, with vendor failures on the way out
                hubspot.failNext(2, 503);
                instantly.failNext(1, 500);
                for (int i = 0; i < PEOPLE.size(); i++) {
                    instantly.sendEvent("reply_received", PEOPLE.get(i),
                            Map.of("email_id", "log-r-" + i, "reply_text", REPLY + " #" + i)).get();
                }
                // a rep's edit in HubSpot flows to Instantly
                await().atMost(Duration.ofSeconds(60)).until(() -> hubspot.contact(PEOPLE.get(0)).isPresent());
                hubspot.repEdit(PEOPLE.get(0), Map.of("lifecyclestage", "opportunity"));
                // a write HubSpot refuses for good ends in the dead-letter table
                hubspot.defineProperty("contacts", "sync_lost_reason", List.of("Budget"));
                instantly.sendEvent("lead_not_interested", PEOPLE.get(2), Map.of()).get();
                instantly.sendEvent("email_bounced", PEOPLE.get(1), Map.of("bounce_type", "hard")).get();
                // refused webhooks that carry personal data
                String body = "{\"event_type\":\"reply_received\",\"lead_email\":\"" + PEOPLE.get(1)
                        + "\",\"reply_text\":\"" + REPLY + "\"";
                post(service, "/webhooks/instantly", body, Map.of("X-Webhook-Secret", WEBHOOK_SECRET));
                post(service, "/webhooks/instantly", body + "}", Map.of("X-Webhook-Secret", "not-" + WEBHOOK_SECRET));
                post(service, "/webhooks/instantly", body + "}", Map.of("Authorization", "Bearer " + ADMIN_TOKEN));
                post(service, "/webhooks/hubspot", "[{}]", Map.of("X-HubSpot-Signature-v3", HUBSPOT_CLIENT_SECRET));

                await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() -> {
                    hubspot.awaitWebhooks(Duration.ofSeconds(5));
                    return Reflection.isDrained(db) && instantly.interestUpdates(PEOPLE.get(0)) > 0;
                });
                assertThat(Reflection.count(db, "select count(*) from dead_letter")).as("the dead-letter path ran")
                        .isPositive();
                for (String path : List.of("/admin/trace?email=" + PEOPLE.get(0), "/admin/dead-letters",
                        "/admin/mappings")) {
                    assertThat(admin(service, path, ADMIN_TOKEN)).isEqualTo(200);
                    assertThat(admin(service, path, "wrong-" + ADMIN_TOKEN)).isEqualTo(403);
                }

                String output = service.output();
                assertThat(output).as("the log was captured").contains("Started").contains("dead-letter");
                List<String> leaks = new ArrayList<>();
                List<String> forbidden = new ArrayList<>(List.of(WEBHOOK_SECRET, INSTANTLY_KEY, HUBSPOT_TOKEN,
                        HUBSPOT_CLIENT_SECRET, ADMIN_TOKEN, REPLY, "555-0199"));
                forbidden.addAll(PEOPLE);
                PEOPLE.forEach(p -> forbidden.add(p.substring(0, p.indexOf('@'))));
                for (String secret : forbidden) {
                    output.lines().filter(line -> line.toLowerCase().contains(secret.toLowerCase()))
                            .forEach(line -> leaks.add(secret + " in: " + line));
                }
                System.out.printf("[measure] log capture: %d lines of a full run at TRACE, %d leaks%n",
                        output.lines().count(), leaks.size());
                assertThat(leaks).isEmpty();
            }
        }
    }

    private static Map<String, String> env(TestDatabase.Db db, HubSpotSimulator hubspot, InstantlySimulator instantly) {
        Map<String, String> env = new HashMap<>();
        env.put("SYNC_DB_URL", db.url());
        env.put("SYNC_DB_USER", db.user());
        env.put("HUBSPOT_BASE_URL", hubspot.baseUrl());
        env.put("HUBSPOT_ACCESS_TOKEN", HUBSPOT_TOKEN);
        env.put("HUBSPOT_CLIENT_SECRET", HUBSPOT_CLIENT_SECRET);
        env.put("HUBSPOT_APP_ID", Long.toString(APP_ID));
        env.put("INSTANTLY_BASE_URL", instantly.baseUrl());
        env.put("INSTANTLY_API_KEY", INSTANTLY_KEY);
        env.put("INSTANTLY_WEBHOOK_SECRET", WEBHOOK_SECRET);
        env.put("SYNC_ADMIN_TOKEN", ADMIN_TOKEN);
        env.put("SYNC_DISPATCH_INITIAL_BACKOFF", "50ms");
        env.put("SYNC_DISPATCH_MAX_BACKOFF", "400ms");
        env.put("LOGGING_LEVEL_DEV_CRMSYNC", "TRACE");
        return env;
    }

    private static void post(ForkedService service, String path, String body, Map<String, String> headers)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(service.uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        assertThat(HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isBetween(400, 499);
    }

    private static int admin(ForkedService service, String path, String token) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(service.uri(path)).header("Authorization", "Bearer " + token).GET().build(),
                HttpResponse.BodyHandlers.ofString()).statusCode();
    }
}
