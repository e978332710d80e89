package dev.crmsync.service.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.crmsync.service.InstantlyWebhooks;
import dev.crmsync.service.RunningService;
import dev.crmsync.service.TestDatabase;
import dev.crmsync.testkit.hubspot.HubSpotSimulator;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The dashboard's page is public, its data is not; {@code /admin/overview} counts what really happened. */
class AdminOverviewIT {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static HubSpotSimulator hubspot;
    private static RunningService service;
    private static InstantlyWebhooks http;

    @BeforeAll
    static void start() throws Exception {
        hubspot = HubSpotSimulator.start();
        hubspot.defineProperty("contacts", "hs_lead_status", List.of("NEW", "OPEN", "CONNECTED"));
        service = RunningService.start(RunningService.settings(TestDatabase.fresh(), hubspot));
        http = new InstantlyWebhooks(service.uri("/webhooks/instantly"));
        Instant now = Instant.now();
        for (int i = 0; i < 3; i++) {
            http.post(InstantlyWebhooks.event("lead_interested", "lead" + i + "@acme.example", now, Map.of()));
        }
        http.post(InstantlyWebhooks.event("lead_wrong_person", "bob@acme.example", now, Map.of()));
        await().atMost(Duration.ofSeconds(60)).until(() -> service.isDrained() && service.jdbc()
                .queryForObject("select count(*) from dead_letter", Long.class) == 1);
    }

    @AfterAll
    static void stop() {
        service.close();
        hubspot.close();
    }

    private static HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(service.uri(path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request);
    }

    @Test
    void thePageAndItsScriptsLoadWithoutTheTokenButTheDataNeedsIt() throws Exception {
        HttpResponse<String> page = get("/", null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("crm-sync dashboard").doesNotContain("http://", "https://");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(policy ->
                assertThat(policy).contains("default-src 'self'").contains("frame-ancestors 'none'"));
        for (String asset : List.of("/dashboard.js", "/api.js", "/charts.js", "/journey.js", "/panels.js", "/dashboard.css")) {
            assertThat(get(asset, null).statusCode()).as(asset).isEqualTo(200);
        }
        assertThat(get("/admin/overview", null).statusCode()).isEqualTo(401);
        assertThat(get("/admin/overview", "wrong").statusCode()).isEqualTo(403);
    }

    @Test
    void overviewCountsEventsPerSourceAttemptsPerAnswerDeadLettersAndBudgets() throws Exception {
        HttpResponse<String> answer = get("/admin/overview?minutes=10", RunningService.ADMIN_TOKEN);
        assertThat(answer.statusCode()).isEqualTo(200);
        JsonNode overview = JSON.readTree(answer.body());

        assertThat(overview.path("windowMinutes").asInt()).isEqualTo(10);
        assertThat(overview.path("minutes")).hasSize(10);
        long received = 0;
        for (JsonNode count : overview.path("ingest").path("instantly")) {
            received += count.asLong();
        }
        assertThat(received).isEqualTo(4);
        JsonNode hubspotCalls = overview.path("calls").path("hubspot");
        assertThat(hubspotCalls.path("2xx").asLong() + hubspotCalls.path("207").asLong())
                .as("the three leads were written").isGreaterThanOrEqualTo(3);
        assertThat(hubspotCalls.path("no-answer").asLong()).isZero();
        assertThat(overview.path("deadLetters").asLong()).isEqualTo(1);
        assertThat(overview.path("lag").path("inboundBacklog").asLong()).isZero();
        assertThat(overview.path("lag").path("inboundFailing").asLong()).isZero();
        assertThat(overview.path("lag").path("outboxSeconds").has("hubspot")).isTrue();
        assertThat(overview.path("budgets").path("hubspot").path("limit").asInt()).isEqualTo(1000);
    }
}
