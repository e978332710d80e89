package dev.crmsync.service.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.crmsync.service.RunningService;
import dev.crmsync.service.TestDatabase;
import dev.crmsync.testkit.hubspot.HubSpotSimulator;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Three instances (the soak: two, then three) on one database take webhooks round-robin; one of
 * them (a separate JVM) is killed with SIGKILL under load. The survivors finish its work: no event is planned twice, no
 * command is sent twice, every acknowledged event is reflected exactly once at HubSpot.
 */
class SharedDatabaseInstancesIT {
    private static final String LEASE = "10s";

    /** Three instances in the short form; two and three in the soak. */
    static List<Integer> instanceCounts() {
        return Soak.pick(List.of(3), List.of(2, 3));
    }

    @ParameterizedTest(name = "{0} instances, one killed under load")
    @MethodSource("instanceCounts")
    void noEventIsProcessedTwiceWhenInstancesShareADatabaseAndOneIsKilledUnderLoad(int instances) throws Exception {
        TestDatabase.Db db = TestDatabase.fresh();
        String run = "shared" + instances;
        try (HubSpotSimulator hubspot = HubSpotSimulator.start()) {
            hubspot.setRateLimit(100_000);
            List<RunningService> survivors = new ArrayList<>();
            ForkedService victim = null;
            try {
                for (int i = 1; i < instances; i++) {
                    Map<String, Object> settings = RunningService.settings(db, hubspot);
                    settings.put("sync.dispatch.lease", LEASE);
                    survivors.add(RunningService.start(settings));
                }
                victim = ForkedService.start(forkedEnv(db, hubspot), ForkedService.freePort(), run + "-victim");
                List<URI> endpoints = new ArrayList<>();
                endpoints.add(victim.uri("/webhooks/instantly"));
                survivors.forEach(s -> endpoints.add(s.uri("/webhooks/instantly")));

                try (ReplyLoad load = new ReplyLoad(run, endpoints, RunningService.WEBHOOK_SECRET, 6)) {
                    await().atMost(Duration.ofSeconds(120)).until(() -> load.ackedCount() >= Soak.pick(400, 3000));
                    long pendingAtKill = Reflection.count(db, "select count(*) from outbound_command where status = 'pending'");
                    victim.killNine();
                    int ackedAtKill = load.ackedCount();
                    await().atMost(Duration.ofSeconds(60)).until(() -> load.ackedCount() >= ackedAtKill + 200);
                    load.stop();
                    await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500))
                            .until(() -> Reflection.isDrained(db));

                    Reflection reflection = Reflection.of(db, hubspot, run, load.acked());
                    long plannedTwice = Reflection.count(db, "select count(*) from (select event_id, target, subject "
                            + "from decision group by event_id, target, subject having count(*) > 1) twice");
                    long neverPlanned = Reflection.count(db, "select count(*) from inbound_event e "
                            + "where not exists (select 1 from decision d where d.event_id = e.id)");
                    long commandedTwice = Reflection.count(db, "select count(*) from (select inbound_event_id, target, "
                            + "kind from outbound_command group by inbound_event_id, target, kind having count(*) > 1) twice");
                    System.out.printf("[measure] %d instances, one killed with %d commands pending: %s; answers %s%n",
                            instances, pendingAtKill, reflection.summary(), load.answers());
                    reflection.assertExactlyOnce();
                    assertThat(plannedTwice).as("events planned twice").isZero();
                    assertThat(neverPlanned).as("stored events never planned").isZero();
                    assertThat(commandedTwice).as("events whose commands were written twice").isZero();
                }
            } finally {
                if (victim != null) {
                    victim.close();
                }
                survivors.forEach(RunningService::close);
            }
        }
    }

    private static Map<String, String> forkedEnv(TestDatabase.Db db, HubSpotSimulator hubspot) {
        Map<String, String> env = new HashMap<>();
        env.put("SYNC_DB_URL", db.url());
        env.put("SYNC_DB_USER", db.user());
        env.put("HUBSPOT_BASE_URL", hubspot.baseUrl());
        env.put("HUBSPOT_ACCESS_TOKEN", hubspot.accessToken());
        env.put("INSTANTLY_WEBHOOK_SECRET", RunningService.WEBHOOK_SECRET);
        env.put("SYNC_ADMIN_TOKEN", RunningService.ADMIN_TOKEN);
        env.put("SYNC_DISPATCH_INITIAL_BACKOFF", "50ms");
        env.put("SYNC_DISPATCH_MAX_BACKOFF", "400ms");
        env.put("SYNC_DISPATCH_LEASE", LEASE);
        env.put("HUBSPOT_RATE_LIMIT_REQUESTS", "1000");
        env.put("HUBSPOT_RATE_LIMIT_PERIOD", "1s");
        return env;
    }
}
