package dev.crmsync.service.wiring;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the database is: the operator's PostgreSQL ({@code SYNC_DB_URL}), or an embedded one whose
 * files live under the data folder and survive restarts. The embedded server runs with {@code fsync}
 * and {@code synchronous_commit} on, so a 2xx after commit means the event is on disk.
 */
public final class DatabaseServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DatabaseServer.class);

    private final String jdbcUrl;
    private final String user;
    private final String password;
    private final EmbeddedPostgres embedded;

    private DatabaseServer(String jdbcUrl, String user, String password, EmbeddedPostgres embedded) {
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
        this.embedded = embedded;
    }

    public static DatabaseServer external(String jdbcUrl, String user, String password) {
        return new DatabaseServer(jdbcUrl, user, password, null);
    }

    /** Starts PostgreSQL on a free loopback port with its data in {@code dataDir/postgres}. */
    public static DatabaseServer embedded(Path dataDir) throws IOException {
        Path pgData = dataDir.resolve("postgres").toAbsolutePath();
        Files.createDirectories(pgData.getParent());
        StalePostmaster.stopIfRunning(pgData);
        EmbeddedPostgres pg = EmbeddedPostgres.builder()
                .setDataDirectory(pgData)
                .setCleanDataDirectory(false)
                .setOverrideWorkingDirectory(dataDir.resolve("pg-runtime").toAbsolutePath().toFile())
                // The library starts PostgreSQL with fsync and synchronous_commit off; a 2xx would then
                // promise nothing. Later -c options override its -F.
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                // Queue tables churn: look for dead rows every 10 s rather than every minute.
                .setServerConfig("autovacuum_naptime", "10s")
                .setServerConfig("max_connections", "200")
                .setPGStartupWait(Duration.ofSeconds(60))
                .start();
        log.info("Embedded PostgreSQL started on port {} with data in {}", pg.getPort(), pgData);
        return new DatabaseServer(pg.getJdbcUrl("postgres", "postgres"), "postgres", "", pg);
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    public boolean isEmbedded() {
        return embedded != null;
    }

    public Optional<Integer> embeddedPort() {
        return Optional.ofNullable(embedded).map(EmbeddedPostgres::getPort);
    }

    @Override
    public void close() throws IOException {
        if (embedded != null) {
            embedded.close();
        }
    }
}
