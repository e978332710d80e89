package dev.crmsync.service.spine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.crmsync.service.InstantlyWebhooks;
import dev.crmsync.service.RunningService;
import dev.crmsync.service.TestDatabase;
import dev.crmsync.testkit.hubspot.HubSpotSimulator;
import java.io.File;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The service's JVM is killed with SIGKILL while webhooks are in flight, then started again on the
 * same database: every event that got a 2xx is reflected exactly once in HubSpot.
 */
class CrashRecoveryIT {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void everyAcknowledgedEventIsReflectedExactlyOnceAfterAKillNineAndRestart() throws Exception {
        TestDatabase.Db db = TestDatabase.fresh();
        try (HubSpotSimulator hubspot = HubSpotSimulator.start()) {
            int port = freePort();
            Map<String, String> env = Map.of("SYNC_DB_URL", db.url(), "SYNC_DB_USER", db.user(),
                    "PORT", Integer.toString(port), "HUBSPOT_BASE_URL", hubspot.baseUrl(),
                    "HUBSPOT_ACCESS_TOKEN", hubspot.accessToken(), "INSTANTLY_WEBHOOK_SECRET", RunningService.WEBHOOK_SECRET,
                    "SYNC_ADMIN_TOKEN", RunningService.ADMIN_TOKEN, "SYNC_DISPATCH_INITIAL_BACKOFF", "50ms",
                    "HUBSPOT_RATE_LIMIT_REQUESTS", "1000", "HUBSPOT_RATE_LIMIT_PERIOD", "1s");
            InstantlyWebhooks webhooks = new InstantlyWebhooks(URI.create("http://127.0.0.1:" + port + "/webhooks/instantly"));

            Process first = startService(env, port, "crash-first");
            Set<String> acked = ConcurrentHashMap.newKeySet();
            AtomicInteger sent = new AtomicInteger();
            ExecutorService senders = Executors.newFixedThreadPool(6);
            for (int t = 0; t < 6; t++) {
                senders.submit(() -> {
                    int i;
                    while ((i = sent.getAndIncrement()) < 1500) {
                        String email = "crash" + i + "@acme.example";
                        String body = InstantlyWebhooks.event("reply_received", email, Instant.now(),
                                Map.of("email_id", "crash-reply-" + i, "reply_text", "Reply " + i));
                        try {
                            if (webhooks.post(body).statusCode() == 200) {
                                acked.add(email);
                            }
                        } catch (Exception connectionRefusedOrReset) {
                            // not acknowledged: the sender would retry; we only count what got a 2xx
                        }
                    }
                    return null;
                });
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> acked.size() >= 400);
            first.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            senders.shutdown();
            senders.awaitTermination(60, TimeUnit.SECONDS);
            int ackedBeforeRestart = acked.size();

            Process second = startService(env, port, "crash-second");
            try {
                await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() -> isDrained(db));
                List<String> missingOrDoubled = new ArrayList<>();
                for (String email : acked) {
                    if (hubspot.notesFor(email).size() != 1) {
                        missingOrDoubled.add(email + " has " + hubspot.notesFor(email).size() + " notes");
                    }
                }
                assertThat(missingOrDoubled).isEmpty();
                assertThat(hubspot.noteCount()).as("no note written twice, none without a stored event")
                        .isBetween(ackedBeforeRestart, sent.get());
                System.out.printf("[measure] crash test: %d acknowledged before kill -9, %d notes after restart%n",
                        ackedBeforeRestart, hubspot.noteCount());
            } finally {
                second.destroy();
                second.waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    private static Process startService(Map<String, String> env, int port, String name) throws Exception {
        String jar = System.getProperty("service.jar");
        assertThat(jar).as("failsafe passes the service jar path").isNotBlank();
        File log = Path.of(System.getProperty("java.io.tmpdir"), name + "-" + port + ".log").toFile();
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-jar", jar).redirectErrorStream(true).redirectOutput(log);
        builder.environment().putAll(env);
        // Written for Instantly and HubSpot: no Salesforce sandbox in the child process.
        builder.environment().put("SALESFORCE_ENABLED", "false");
        Process process = builder.start();
        URI health = URI.create("http://127.0.0.1:" + port + "/actuator/health");
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(300)).ignoreExceptions()
                .until(() -> process.isAlive() && HTTP.send(HttpRequest.newBuilder(health).build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode() == 200);
        return process;
    }

    private static boolean isDrained(TestDatabase.Db db) throws Exception {
        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password());
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select (select count(*) from inbound_queue) + "
                     + "(select count(*) from outbound_command where status = 'pending')")) {
            rs.next();
            return rs.getLong(1) == 0;
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
