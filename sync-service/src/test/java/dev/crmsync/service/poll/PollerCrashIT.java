package dev.crmsync.service.poll;

import static dev.crmsync.service.poll.PolledSystem.keys;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The polling JVM is killed with SIGKILL after it fetched a page and before the page's transaction
 * committed (the test holds a lock the commit needs). The next instance polls from the stored cursor:
 * the page is fetched again and stored once, nothing skipped, nothing doubled.
 */
class PollerCrashIT {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final String POLLER_SESSION = "crm-sync poller changelog";

    @Test
    void aPollKilledBetweenFetchAndCommitIsRepeatedFromTheStoredCursorWithoutGapsOrRepeats() throws Exception {
        TestDatabase.Db db = TestDatabase.fresh();
        try (HubSpotSimulator hubspot = HubSpotSimulator.start(); ChangeLogServer log = ChangeLogServer.start();
             Connection blocker = DriverManager.getConnection(db.url(), db.user(), db.password())) {
            JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(db.url(), db.user(), db.password(), true));
            // given a polling service that has stored the first changes
            log.add("before", 20);
            Process service = startService(db, hubspot, log);
            String cursorBeforePage;
            try {
                await().atMost(Duration.ofSeconds(60)).until(() -> PolledSystem.storedKeys(jdbc).containsAll(keys(log.changes())));
                // when its next page cannot commit (the cursor table is locked) and the process is killed meanwhile:
                // the feed fails while the lock is taken, so no page fetched earlier is the one left waiting
                log.failNext(Integer.MAX_VALUE);
                int failedBefore = failedRequests(log);
                await().atMost(Duration.ofSeconds(60)).until(() -> failedRequests(log) >= failedBefore + 2);
                blocker.setAutoCommit(false);
                try (Statement s = blocker.createStatement()) {
                    s.execute("lock table sync_cursor in share mode");
                }
                cursorBeforePage = PolledSystem.cursor(jdbc).orElseThrow();
                List<String> during = keys(log.add("during", 6));
                log.failNext(0);
                await().atMost(Duration.ofSeconds(60)).until(() -> pollerWaitsOnALock(jdbc));
                assertThat(log.requests()).as("the waiting page was fetched")
                        .anyMatch(r -> !r.failed() && r.returned().containsAll(during));
                service.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            } finally {
                service.destroyForcibly();
                blocker.rollback();
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> !pollerSessionExists(jdbc));

            // then nothing of the page was stored and the cursor did not move
            String cursorAfterCrash = PolledSystem.cursor(jdbc).orElseThrow();
            assertThat(cursorAfterCrash).isEqualTo(cursorBeforePage);
            assertThat(PolledSystem.storedKeys(jdbc)).noneMatch(k -> k.startsWith("during"));

            // when another instance starts on the same database
            int requestsBeforeRestart = log.requests().size();
            try (RunningService next = RunningService.start(PolledSystem.settings(db, hubspot, log))) {
                await().atMost(Duration.ofSeconds(60)).until(() -> PolledSystem.storedKeys(jdbc).containsAll(keys(log.changes())));

                // then it resumed from the stored cursor and stored every change exactly once
                assertThat(log.requests().get(requestsBeforeRestart).cursor()).isEqualTo(cursorAfterCrash);
                assertThat(PolledSystem.storedKeys(jdbc)).doesNotHaveDuplicates().hasSize(log.changes().size());
            }
        }
    }

    private static int failedRequests(ChangeLogServer log) {
        return (int) log.requests().stream().filter(ChangeLogServer.Request::failed).count();
    }

    private static boolean pollerWaitsOnALock(JdbcTemplate jdbc) {
        return jdbc.queryForObject("select count(*) from pg_stat_activity where application_name = ? "
                + "and wait_event_type = 'Lock'", Integer.class, POLLER_SESSION) > 0;
    }

    private static boolean pollerSessionExists(JdbcTemplate jdbc) {
        return jdbc.queryForObject("select count(*) from pg_stat_activity where application_name = ?", Integer.class,
                POLLER_SESSION) > 0;
    }

    /** The packaged service, with this module's test classes (the changelog adapter) added through loader.path. */
    private static Process startService(TestDatabase.Db db, HubSpotSimulator hubspot, ChangeLogServer log) throws Exception {
        String jar = System.getProperty("service.jar");
        assertThat(jar).as("failsafe passes the service jar path").isNotBlank();
        String testClasses = Path.of(ChangeLogFeed.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        int port = freePort();
        File output = Path.of(System.getProperty("java.io.tmpdir"), "poller-crash-" + port + ".log").toFile();
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-Dloader.path=" + testClasses, "-cp", jar,
                "org.springframework.boot.loader.launch.PropertiesLauncher").redirectErrorStream(true).redirectOutput(output);
        builder.environment().putAll(Map.of("SYNC_DB_URL", db.url(), "SYNC_DB_USER", db.user(),
                "PORT", Integer.toString(port), "HUBSPOT_BASE_URL", hubspot.baseUrl(),
                "HUBSPOT_ACCESS_TOKEN", hubspot.accessToken(), "INSTANTLY_WEBHOOK_SECRET", RunningService.WEBHOOK_SECRET,
                "SYNC_ADMIN_TOKEN", RunningService.ADMIN_TOKEN, "CHANGELOG_URL", log.url(),
                "SYNC_POLL_INTERVALS_CHANGELOG", "100ms", "SYNC_POLL_PAGE_LIMIT", "10"));
        builder.environment().putAll(Map.of("SYNC_POLL_INITIALBACKOFF", "50ms", "SYNC_POLL_MAXBACKOFF", "200ms"));
        // Written for the changelog feed: no Salesforce sandbox in the child process.
        builder.environment().put("SALESFORCE_ENABLED", "false");
        Process process = builder.start();
        URI health = URI.create("http://127.0.0.1:" + port + "/actuator/health");
        try {
            await().atMost(Duration.ofSeconds(240)).pollInterval(Duration.ofMillis(300)).ignoreExceptions()
                    .until(() -> process.isAlive() && HTTP.send(HttpRequest.newBuilder(health).build(),
                            HttpResponse.BodyHandlers.ofString()).statusCode() == 200);
            return process;
        } catch (RuntimeException notStarted) {
            process.destroyForcibly();
            throw notStarted;
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
