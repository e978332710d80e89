package dev.crmsync.service.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.crmsync.service.InstantlyWebhooks;
import dev.crmsync.service.RunningService;
import dev.crmsync.service.TestDatabase;
import dev.crmsync.testkit.hubspot.HubSpotSimulator;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With the database gone, webhooks hear 503 within the contract's 5 s and never a 2xx; the service recovers by itself. */
class DatabaseOutageIT {

    @Test
    void webhooksGet503WhileTheDatabaseIsDownAndAreStoredAgainOnceItIsBack() throws Exception {
        Path data = Files.createTempDirectory("outage-pg");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        EmbeddedPostgres pg = start(data, port);
        try (HubSpotSimulator hubspot = HubSpotSimulator.start()) {
            TestDatabase.Db db = new TestDatabase.Db(pg.getJdbcUrl("postgres", "postgres"), "postgres", "");
            try (RunningService service = RunningService.start(RunningService.settings(db, hubspot))) {
                InstantlyWebhooks webhooks = new InstantlyWebhooks(service.uri("/webhooks/instantly"));
                assertThat(webhooks.post(event("before@acme.example")).statusCode()).isEqualTo(200);

                pg.close();
                long started = System.nanoTime();
                HttpResponse<String> during = webhooks.post(event("during@acme.example"));
                Duration took = Duration.ofNanos(System.nanoTime() - started);
                assertThat(during.statusCode()).isEqualTo(503);
                assertThat(during.body()).contains("retry");
                assertThat(took).isLessThan(Duration.ofSeconds(6));

                pg = start(data, port);
                String after = event("after@acme.example");
                await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                        .until(() -> webhooks.post(after).statusCode() == 200);
                Long stored = service.jdbc().queryForObject(
                        "select count(*) from inbound_event where email in ('before@acme.example', 'after@acme.example')",
                        Long.class);
                assertThat(stored).isEqualTo(2);
            }
        } finally {
            pg.close();
        }
    }

    private static String event(String email) {
        return InstantlyWebhooks.event("lead_interested", email, Instant.now(), Map.of());
    }

    private static EmbeddedPostgres start(Path data, int port) throws Exception {
        return EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).setPort(port).start();
    }
}
