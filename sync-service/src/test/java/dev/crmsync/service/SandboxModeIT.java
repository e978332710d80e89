package dev.crmsync.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * With nothing configured the service starts on an embedded, durable PostgreSQL against the HubSpot
 * simulator, accepts the README's webhook, and keeps its data across a restart.
 */
class SandboxModeIT {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void startsWithNothingConfiguredOnADurableEmbeddedDatabaseAndKeepsDataAcrossRestarts() throws Exception {
        Path dataDir = Files.createTempDirectory("sandbox-data");
        String[] settings = {"--server.port=0", "--sync.database.data-dir=" + dataDir};

        try (ConfigurableApplicationContext first = new SpringApplicationBuilder(SyncServiceApplication.class)
                .run(settings)) {
            JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForObject("show fsync", String.class)).isEqualTo("on");
            assertThat(jdbc.queryForObject("show synchronous_commit", String.class)).isEqualTo("on");

            String body = InstantlyWebhooks.event("reply_received", "sandbox@acme.example", Instant.now(),
                    Map.of("email_id", "sandbox-1", "reply_text", "Sounds good"));
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(uri(first, "/webhooks/instantly"))
                    .header("X-Webhook-Secret", "sandbox-webhook-secret")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);

            await().atMost(Duration.ofSeconds(30)).until(() -> trace(first).contains("\"outcome\":\"written\""));
            assertThat(trace(first)).contains("reply_received").contains("activity:instantly-reply:sandbox-1");
        }

        try (ConfigurableApplicationContext second = new SpringApplicationBuilder(SyncServiceApplication.class)
                .run(settings)) {
            Long kept = second.getBean(JdbcTemplate.class)
                    .queryForObject("select count(*) from inbound_event where source = 'instantly' "
                            + "and email = 'sandbox@acme.example'", Long.class);
            assertThat(kept).isEqualTo(1);
        }
    }

    private static String trace(ConfigurableApplicationContext context) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri(context, "/admin/trace?email=sandbox@acme.example"))
                .header("Authorization", "Bearer sandbox-admin-token").build(), HttpResponse.BodyHandlers.ofString())
                .body();
    }

    private static URI uri(ConfigurableApplicationContext context, String path) {
        return URI.create("http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port") + path);
    }
}
