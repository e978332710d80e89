package dev.crmsync.service.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.crmsync.service.InstantlyWebhooks;
import dev.crmsync.service.RunningService;
import dev.crmsync.service.TestDatabase;
import dev.crmsync.testkit.hubspot.HubSpotSimulator;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.PessimisticLockingFailureException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Every answer of {@code POST /webhooks/instantly} in the external contract, and that rejected requests store nothing. */
class WebhookAnswersIT {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static HubSpotSimulator hubspot;
    private static RunningService service;
    private static InstantlyWebhooks webhooks;

    @BeforeAll
    static void start() {
        hubspot = HubSpotSimulator.start();
        service = RunningService.start(RunningService.settings(TestDatabase.fresh(), hubspot));
        webhooks = new InstantlyWebhooks(service.uri("/webhooks/instantly"));
    }

    @AfterAll
    static void stop() {
        service.close();
        hubspot.close();
    }

    /** The service's workers keep running: a truncate that deadlocks with one of their rounds is tried again. */
    @BeforeEach
    void empty() {
        await().atMost(Duration.ofSeconds(10)).ignoreException(PessimisticLockingFailureException.class)
                .untilAsserted(() -> service.jdbc().execute("truncate inbound_event, inbound_queue, decision, "
                        + "outbound_command, command_attempt, dead_letter, field_state, identity_link cascade"));
    }

    private static String body() {
        return InstantlyWebhooks.event("lead_interested", "ann@acme.example", Instant.now(), Map.of());
    }

    private static HttpRequest.Builder post(String body) {
        return HttpRequest.newBuilder(service.uri("/webhooks/instantly")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private static long storedEvents() {
        return service.jdbc().queryForObject("select count(*) from inbound_event", Long.class);
    }

    private static JsonNode error(HttpResponse<String> response) {
        JsonNode node = JSON.readTree(response.body());
        assertThat(node.path("message").asString()).isNotBlank();
        return node;
    }

    @Test
    void acceptsTheSecretHeaderAndStoresTheEventBeforeAnswering() throws Exception {
        HttpResponse<String> response = webhooks.post(body());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(storedEvents()).isEqualTo(1);
    }

    @Test
    void acceptsABearerToken() throws Exception {
        HttpResponse<String> response = webhooks.send(post(body())
                .header("Authorization", "Bearer " + RunningService.WEBHOOK_SECRET));
        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void acceptsAnHmacSignatureWithinTheTimestampWindow() throws Exception {
        String body = body();
        long ts = Instant.now().getEpochSecond() - 250;
        HttpResponse<String> response = webhooks.send(post(body).header("X-Instantly-Timestamp", Long.toString(ts))
                .header("X-Instantly-Signature", hmac(ts + "." + body)));
        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void duplicateWebhookIsAnsweredTwoHundredAndChangesNothing() throws Exception {
        String body = body();
        webhooks.post(body);
        HttpResponse<String> again = webhooks.post(body);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(again.body()).path("status").asString()).isEqualTo("duplicate");
        assertThat(storedEvents()).isEqualTo(1);
    }

    @Test
    void missingAuthenticationIsRefusedWith401AndNothingStored() throws Exception {
        HttpResponse<String> response = webhooks.send(post(body()));
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(error(response).path("message").asString()).contains("X-Webhook-Secret");
        assertThat(storedEvents()).isZero();
    }

    @Test
    void wrongSecretIsRefusedWith401() throws Exception {
        HttpResponse<String> response = webhooks.send(post(body()).header("X-Webhook-Secret", "guess"));
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).doesNotContain(RunningService.WEBHOOK_SECRET);
        assertThat(storedEvents()).isZero();
    }

    @Test
    void staleSignatureTimestampIsRefusedWith401() throws Exception {
        String body = body();
        long ts = Instant.now().getEpochSecond() - 301;
        HttpResponse<String> response = webhooks.send(post(body).header("X-Instantly-Timestamp", Long.toString(ts))
                .header("X-Instantly-Signature", hmac(ts + "." + body)));
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(storedEvents()).isZero();
    }

    @Test
    void signatureOverADifferentBodyIsRefusedWith401() throws Exception {
        String body = body();
        long ts = Instant.now().getEpochSecond();
        HttpResponse<String> response = webhooks.send(post(body.replace("ann@", "bob@"))
                .header("X-Instantly-Timestamp", Long.toString(ts)).header("X-Instantly-Signature", hmac(ts + "." + body)));
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(storedEvents()).isZero();
    }

    @Test
    void authenticationIsCheckedBeforeSizeAndShape() throws Exception {
        HttpResponse<String> huge = webhooks.send(post("x".repeat(2 * 1024 * 1024)));
        assertThat(huge.statusCode()).isEqualTo(401);
        HttpResponse<String> malformed = webhooks.send(post("{not json"));
        assertThat(malformed.statusCode()).isEqualTo(401);
    }

    @Test
    void bodyOverOneMebibyteIsRefusedWith413() throws Exception {
        String padded = body().replace("}", ",\"pad\":\"" + "x".repeat(1024 * 1024) + "\"}");
        HttpResponse<String> response = webhooks.post(padded);
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(error(response).path("error").asString()).isEqualTo("payload_too_large");
        assertThat(storedEvents()).isZero();
    }

    @Test
    void malformedJsonIsRefusedWith400SayingWhere() throws Exception {
        HttpResponse<String> response = webhooks.post("{\"event_type\": \"reply_received\", ");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(error(response).path("message").asString()).contains("not valid JSON");
        assertThat(storedEvents()).isZero();
    }

    @Test
    void bodyThatIsNotAnObjectIsRefusedWith400() throws Exception {
        HttpResponse<String> response = webhooks.post("[{\"event_type\": \"reply_received\"}]");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(error(response).path("message").asString()).contains("JSON object");
        assertThat(storedEvents()).isZero();
    }

    @Test
    void bodyWithoutEventTypeIsRefusedWith400() throws Exception {
        HttpResponse<String> response = webhooks.post("{\"lead_email\": \"ann@acme.example\"}");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(error(response).path("message").asString()).contains("event_type");
        assertThat(storedEvents()).isZero();
    }

    @Test
    void unknownEventTypeIsStoredAndVisibleInTheTrace() throws Exception {
        String body = InstantlyWebhooks.event("custom_label_hot_lead", "ann@acme.example", Instant.now(), Map.of());
        assertThat(webhooks.post(body).statusCode()).isEqualTo(200);
        assertThat(storedEvents()).isEqualTo(1);
        org.awaitility.Awaitility.await().until(service::isDrained);
        HttpResponse<String> trace = webhooks.send(HttpRequest.newBuilder(service.uri("/admin/trace?email=ann@acme.example"))
                .header("Authorization", "Bearer " + RunningService.ADMIN_TOKEN).GET());
        assertThat(trace.statusCode()).isEqualTo(200);
        assertThat(trace.body()).contains("custom_label_hot_lead").contains("no-change");
    }

    @Test
    void traceListsTheEventThenTheDecisionsThenTheCommandsAndTheCallsInOrder() throws Exception {
        String body = InstantlyWebhooks.event("reply_received", "trace@acme.example", Instant.now(),
                Map.of("email_id", "trace-1", "reply_text", "Call me"));
        assertThat(webhooks.post(body).statusCode()).isEqualTo(200);
        org.awaitility.Awaitility.await().until(service::isDrained);

        HttpResponse<String> trace = webhooks.send(HttpRequest.newBuilder(service.uri("/admin/trace?email=Trace@Acme.example"))
                .header("Authorization", "Bearer " + RunningService.ADMIN_TOKEN).GET());
        JsonNode timeline = JSON.readTree(trace.body()).path("timeline");
        java.util.List<String> types = new java.util.ArrayList<>();
        timeline.forEach(entry -> types.add(entry.path("type").asString()));
        assertThat(types.get(0)).isEqualTo("received");
        assertThat(types.get(1)).as("planned right after it arrived").isEqualTo("translated");
        assertThat(types.indexOf("command")).isGreaterThan(types.lastIndexOf("decision"));
        assertThat(types.lastIndexOf("call")).isEqualTo(types.size() - 1);
        java.util.List<String> decisions = new java.util.ArrayList<>();
        timeline.forEach(entry -> {
            if (entry.path("type").asString().equals("decision")) {
                decisions.add(entry.path("subject").asString() + "=" + entry.path("outcome").asString());
            }
        });
        assertThat(decisions).contains("lifecyclestage=applied", "hs_lead_status=applied",
                "activity:instantly-reply:trace-1=applied");
        timeline.forEach(entry -> {
            if (entry.path("type").asString().equals("call")) {
                assertThat(entry.path("outcome").asString()).isEqualTo("written");
                assertThat(entry.path("httpStatus").asInt()).isBetween(200, 299);
            }
        });
    }

    @Test
    void prometheusShowsIngestByTypeRejectionsByStatusAndTheBacklog() throws Exception {
        webhooks.post(InstantlyWebhooks.event("lead_meeting_booked", "metrics@acme.example", Instant.now(), Map.of()));
        webhooks.send(post(body()).header("X-Webhook-Secret", "wrong"));
        org.awaitility.Awaitility.await().until(service::isDrained);

        String scrape = webhooks.send(HttpRequest.newBuilder(service.uri("/actuator/prometheus")).GET()).body();
        assertThat(scrape).containsPattern("sync_ingest_events_total\\{[^}]*event_type=\"lead_meeting_booked\"[^}]*\\} 1");
        assertThat(scrape).containsPattern("sync_ingest_rejected_total\\{[^}]*status=\"401\"[^}]*\\} [1-9]");
        assertThat(scrape).contains("sync_inbound_lag_seconds", "sync_dead_letters", "sync_outbox_lag_seconds");
        assertThat(scrape).containsPattern("sync_outbound_calls_total\\{[^}]*outcome=\"2xx\"[^}]*target=\"hubspot\"");
    }

    @Test
    void adminTraceRefusesMissingAndWrongTokens() throws Exception {
        HttpRequest.Builder trace = HttpRequest.newBuilder(service.uri("/admin/trace?email=a@b.c")).GET();
        assertThat(webhooks.send(trace).statusCode()).isEqualTo(401);
        assertThat(webhooks.send(HttpRequest.newBuilder(service.uri("/admin/trace?email=a@b.c"))
                .header("Authorization", "Bearer nope").GET()).statusCode()).isEqualTo(403);
    }

    private static String hmac(String signed) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(RunningService.WEBHOOK_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
    }
}
