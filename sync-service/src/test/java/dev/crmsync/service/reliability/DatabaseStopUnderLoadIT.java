package dev.crmsync.service.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.crmsync.service.RunningService;
import dev.crmsync.service.TestDatabase;
import dev.crmsync.testkit.hubspot.HubSpotSimulator;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL is stopped under a steady stream of webhooks (10 s here, 30 s in the soak) and started
 * again on the same files and port: while it is gone every webhook hears 503 within the contract's
 * 5 s and none a 2xx; the running service picks the database up again by itself; and every event that
 * got a 2xx, before or after, is stored and reflected exactly once at HubSpot.
 */
class DatabaseStopUnderLoadIT {

    @Test
    void webhooksHear503DuringADatabaseOutageUnderLoadAndNothingAcknowledgedIsLost() throws Exception {
        Duration outage = Soak.pick(Duration.ofSeconds(10), Duration.ofSeconds(30));
        Path data = Files.createTempDirectory("pg-stop");
        int pgPort = ForkedService.freePort();
        EmbeddedPostgres pg = start(data, pgPort);
        try (HubSpotSimulator hubspot = HubSpotSimulator.start()) {
            hubspot.setRateLimit(100_000);
            TestDatabase.Db db = new TestDatabase.Db(pg.getJdbcUrl("postgres", "postgres"), "postgres", "");
            try (RunningService service = RunningService.start(RunningService.settings(db, hubspot));
                 ReplyLoad load = new ReplyLoad("pgstop", List.of(service.uri("/webhooks/instantly")),
                         RunningService.WEBHOOK_SECRET, 4)) {
                await().atMost(Duration.ofSeconds(60)).until(() -> load.ackedCount() >= 200);

                // when the database goes away under load
                pg.close();
                long stopped = System.nanoTime();
                Thread.sleep(6_000); // past the 5 s acknowledgement timeout: requests in flight at the stop have their answer
                int ackedEarlyInOutage = load.ackedCount();
                Thread.sleep(Math.max(0, outage.toMillis() - 6_000));
                int ackedLateInOutage = load.ackedCount();
                int refusedDuringOutage = load.answered(503);
                pg = start(data, pgPort);
                long restarted = System.nanoTime();

                // then the same service takes webhooks again without a restart
                await().atMost(Duration.ofSeconds(60)).until(() -> load.ackedCount() > ackedLateInOutage);
                Duration recovery = Duration.ofNanos(System.nanoTime() - restarted);
                int ackedAtRecovery = load.ackedCount();
                await().atMost(Duration.ofSeconds(60)).until(() -> load.ackedCount() >= ackedAtRecovery + 200);
                load.stop();
                await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(service::isDrained);

                Reflection reflection = Reflection.of(db, hubspot, "pgstop", load.acked());
                System.out.printf("[measure] database stopped %d s under load: %s; 503s=%d, slowest refusal %d ms, "
                                + "first 2xx %d ms after the database was back; answers %s%n",
                        Duration.ofNanos(restarted - stopped).toSeconds(), reflection.summary(), refusedDuringOutage,
                        load.slowestRefusal().toMillis(), recovery.toMillis(), load.answers());
                assertThat(ackedLateInOutage).as("no 2xx while the database was down").isEqualTo(ackedEarlyInOutage);
                assertThat(refusedDuringOutage).as("the outage was met").isPositive();
                assertThat(load.answers().keySet()).as("only 2xx or 503, never a hang or another error")
                        .containsOnly(200, 503);
                assertThat(load.slowestRefusal()).isLessThan(Duration.ofSeconds(6));
                reflection.assertExactlyOnce();
                assertThat(HttpClient.newHttpClient().send(HttpRequest.newBuilder(service.uri("/actuator/health")).build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
            }
        } finally {
            pg.close();
        }
    }

    private static EmbeddedPostgres start(Path data, int port) throws Exception {
        return EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).setPort(port)
                .setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on")
                .setServerConfig("max_connections", "100").start();
    }
}
