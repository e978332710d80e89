package dev.crmsync.service.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.crmsync.service.RunningService;
import dev.crmsync.service.TestDatabase;
import dev.crmsync.testkit.hubspot.HubSpotSimulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The service's JVM is killed with SIGKILL again and again while replies pour in at full speed and
 * the dispatcher writes to HubSpot, each time started again on the same database: every event that
 * got a 2xx is reflected exactly once at the HubSpot simulator (one note per activity key, the
 * contact upserted), and nothing is reflected that was not stored.
 */
class KillNineRecoveryIT {

    @Test
    void everyAcknowledgedEventIsReflectedExactlyOnceAfterRepeatedKillNineAndRestart() throws Exception {
        TestDatabase.Db db = TestDatabase.fresh();
        int kills = Soak.pick(2, 8);
        try (HubSpotSimulator hubspot = HubSpotSimulator.start()) {
            hubspot.setRateLimit(100_000);
            int port = ForkedService.freePort();
            Map<String, String> env = Map.of("SYNC_DB_URL", db.url(), "SYNC_DB_USER", db.user(),
                    "HUBSPOT_BASE_URL", hubspot.baseUrl(), "HUBSPOT_ACCESS_TOKEN", hubspot.accessToken(),
                    "INSTANTLY_WEBHOOK_SECRET", RunningService.WEBHOOK_SECRET, "SYNC_ADMIN_TOKEN", RunningService.ADMIN_TOKEN,
                    "SYNC_DISPATCH_INITIAL_BACKOFF", "50ms", "SYNC_DISPATCH_MAX_BACKOFF", "1s",
                    "HUBSPOT_RATE_LIMIT_REQUESTS", "1000", "HUBSPOT_RATE_LIMIT_PERIOD", "1s");
            List<String> killPoints = new ArrayList<>();
            ForkedService service = ForkedService.start(env, port, "kill9-0");
            // The endpoint stays the same port across restarts; while the service is down, senders get no answer.
            try (ReplyLoad load = new ReplyLoad("kill9", List.of(service.uri("/webhooks/instantly")),
                    RunningService.WEBHOOK_SECRET, 6)) {
                for (int k = 0; k < kills; k++) {
                    if (k > 0) {
                        service = ForkedService.start(env, port, "kill9-" + k);
                    }
                    int before = load.ackedCount();
                    // Alternate the kill point: deep in steady ingest + dispatch, or soon after a restart while
                    // the backlog the previous kill left behind is being planned and sent.
                    int more = k % 2 == 0 ? Soak.pick(400, 1500) : 60;
                    ForkedService running = service;
                    try {
                        await().atMost(Duration.ofSeconds(120)).until(() -> load.ackedCount() >= before + more);
                    } catch (RuntimeException notEnoughLoad) {
                        running.close();
                        throw notEnoughLoad;
                    }
                    long queued = Reflection.count(db, "select count(*) from inbound_queue");
                    long pending = Reflection.count(db, "select count(*) from outbound_command where status = 'pending'");
                    long done = Reflection.count(db, "select count(*) from outbound_command where status = 'done'");
                    service.killNine();
                    killPoints.add("kill " + (k + 1) + ": acked=" + load.ackedCount() + " queued=" + queued
                            + " pending=" + pending + " done=" + done);
                    assertThat(done).as("the dispatcher was writing when killed").isPositive();
                }
                ForkedService last = ForkedService.start(env, port, "kill9-last");
                try {
                    int before = load.ackedCount();
                    await().atMost(Duration.ofSeconds(60)).until(() -> load.ackedCount() >= before + 100);
                    load.stop();
                    await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500))
                            .until(() -> Reflection.isDrained(db));

                    Reflection reflection = Reflection.of(db, hubspot, "kill9", load.acked());
                    System.out.printf("[measure] kill -9 x%d under load: %s; %s; answers %s%n", kills,
                            reflection.summary(), killPoints, load.answers());
                    reflection.assertExactlyOnce();
                    assertThat(killPoints).anySatisfy(p -> assertThat(p).doesNotContain("pending=0"));
                } finally {
                    last.close();
                }
            }
        }
    }
}
