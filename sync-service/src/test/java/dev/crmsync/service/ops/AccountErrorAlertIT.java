package dev.crmsync.service.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import dev.crmsync.service.InstantlyWebhooks;
import dev.crmsync.service.RunningService;
import dev.crmsync.service.TestDatabase;
import dev.crmsync.testkit.hubspot.HubSpotSimulator;
import java.net.InetSocketAddress;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An Instantly {@code account_error} raises one alert: a counter, and one Slack post without e-mails or secrets. */
class AccountErrorAlertIT {
    private final List<String> slackPosts = new CopyOnWriteArrayList<>();
    private HttpServer slack;
    private HubSpotSimulator hubspot;
    private RunningService service;
    private InstantlyWebhooks webhooks;

    @BeforeEach
    void start() throws Exception {
        slack = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        slack.createContext("/services/T000/B000/XXXX", exchange -> {
            slackPosts.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(200, 2);
            exchange.getResponseBody().write("ok".getBytes(StandardCharsets.UTF_8));
            exchange.close();
        });
        slack.start();
        hubspot = HubSpotSimulator.start();
        Map<String, Object> settings = RunningService.settings(TestDatabase.fresh(), hubspot);
        settings.put("sync.alerts.slack-webhook-url",
                "http://127.0.0.1:" + slack.getAddress().getPort() + "/services/T000/B000/XXXX");
        service = RunningService.start(settings);
        webhooks = new InstantlyWebhooks(service.uri("/webhooks/instantly"));
    }

    @AfterEach
    void stop() {
        service.close();
        hubspot.close();
        slack.stop(0);
    }

    @Test
    void anAccountErrorProducesOneSlackPostAndCountsTheAlert() throws Exception {
        // given an account_error naming a sending account, delivered twice (a retry)
        String body = InstantlyWebhooks.event("account_error", null, Instant.parse("2026-02-02T07:41:18Z"),
                Map.of("email_account", "maria@outreach.acme-mail.example", "error_type", "smtp_auth_failed",
                        "error_message", "535 5.7.8 Username and Password not accepted for maria@outreach.acme-mail.example"));

        // when
        assertThat(webhooks.post(body).statusCode()).isBetween(200, 299);
        assertThat(webhooks.post(body).statusCode()).isBetween(200, 299);
        // and an ordinary event, which alerts nobody
        webhooks.post(InstantlyWebhooks.event("reply_received", "ann@acme.example", Instant.now(),
                Map.of("email_id", "r-1", "reply_text", "Let's talk")));

        // then
        await().atMost(Duration.ofSeconds(20)).until(() -> service.isDrained() && !slackPosts.isEmpty());
        Thread.sleep(1_000);
        assertThat(slackPosts).singleElement().satisfies(post -> {
            assertThat(post).startsWith("{\"text\":").contains("account error", "instantly", "smtp_auth_failed");
            assertThat(post).doesNotContain("@", "maria", RunningService.WEBHOOK_SECRET, RunningService.ADMIN_TOKEN,
                    "Password");
        });
        String scrape = webhooks.send(HttpRequest.newBuilder(service.uri("/actuator/prometheus")).GET()).body();
        assertThat(scrape).containsPattern(
                "sync_alerts_total\\{[^}]*kind=\"account_error\"[^}]*source=\"instantly\"[^}]*\\} 1");
    }
}
