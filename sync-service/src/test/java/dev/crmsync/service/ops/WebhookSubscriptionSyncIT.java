package dev.crmsync.service.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crmsync.service.InstantlyWebhooks;
import dev.crmsync.service.RunningService;
import dev.crmsync.service.TestDatabase;
import dev.crmsync.testkit.hubspot.HubSpotSimulator;
import dev.crmsync.testkit.instantly.InstantlySimulator;
import dev.crmsync.testkit.instantly.SimulatedWebhook;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code POST /admin/webhooks/{system}/sync} against the Instantly simulator: creates once, then changes nothing. */
class WebhookSubscriptionSyncIT {
    private static final String PUBLIC_URL = "https://sync.example.com";

    private HubSpotSimulator hubspot;
    private InstantlySimulator instantly;
    private RunningService service;
    private InstantlyWebhooks http;

    @BeforeEach
    void start() {
        hubspot = HubSpotSimulator.start();
        instantly = InstantlySimulator.start();
    }

    @AfterEach
    void stop() {
        if (service != null) {
            service.close();
        }
        instantly.close();
        hubspot.close();
    }

    private void startService(boolean withPublicUrl) {
        Map<String, Object> settings = RunningService.settings(TestDatabase.fresh(), hubspot);
        settings.put("sync.adapters.instantly.base-url", instantly.baseUrl());
        settings.put("sync.adapters.instantly.api-key", instantly.apiKey());
        if (withPublicUrl) {
            settings.put("sync.public-url", PUBLIC_URL + "/");
        }
        service = RunningService.start(settings);
        http = new InstantlyWebhooks(service.uri("/webhooks/instantly"));
    }

    private HttpResponse<String> sync(String system, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(service.uri("/admin/webhooks/" + system + "/sync"))
                .header("Authorization", "Bearer " + RunningService.ADMIN_TOKEN)
                .header("Content-Type", "application/json")
                .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)));
    }

    @Test
    void syncCreatesTheSubscriptionWithOurEndpointAndSecretAndASecondCallChangesNothing() throws Exception {
        // given
        startService(false);
        String endpoint = service.uri("/webhooks/instantly").toString();
        String body = "{\"endpoint\": \"" + endpoint + "\", \"eventTypes\": [\"all_events\"]}";

        // when
        HttpResponse<String> first = sync("instantly", body);

        // then
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(first.body()).contains("\"changedNothing\":false").doesNotContain(RunningService.WEBHOOK_SECRET);
        assertThat(instantly.webhooks()).singleElement().satisfies(w -> {
            assertThat(w.targetHookUrl()).isEqualTo(endpoint);
            assertThat(w.eventType()).isEqualTo("all_events");
            assertThat(w.headers()).containsEntry("X-Webhook-Secret", RunningService.WEBHOOK_SECRET);
        });

        // and when run again
        HttpResponse<String> second = sync("instantly", body);

        // then
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(second.body()).contains("\"created\":[]", "\"updated\":[]", "\"changedNothing\":true");
        assertThat(instantly.webhooks()).hasSize(1);
    }

    @Test
    void defaultsToThePublicUrlAndAllEvents() throws Exception {
        // given
        startService(true);

        // when
        HttpResponse<String> answer = sync("instantly", null);

        // then
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(instantly.webhooks()).extracting(SimulatedWebhook::targetHookUrl, SimulatedWebhook::eventType)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(PUBLIC_URL + "/webhooks/instantly", "all_events"));
    }

    @Test
    void refusesWithoutAnEndpointAndForASystemWithoutTheCapability() throws Exception {
        // given
        startService(false);

        // when
        HttpResponse<String> noEndpoint = sync("instantly", "{}");
        HttpResponse<String> hubspotSync = sync("hubspot", null);
        HttpResponse<String> unauthenticated = http.send(HttpRequest.newBuilder(
                service.uri("/admin/webhooks/instantly/sync")).POST(HttpRequest.BodyPublishers.noBody()));

        // then
        assertThat(noEndpoint.statusCode()).isEqualTo(400);
        assertThat(noEndpoint.body()).contains("no_endpoint", "SYNC_PUBLIC_URL");
        assertThat(hubspotSync.statusCode()).isEqualTo(404);
        assertThat(unauthenticated.statusCode()).isEqualTo(401);
        assertThat(instantly.webhooks()).isEmpty();
    }
}
