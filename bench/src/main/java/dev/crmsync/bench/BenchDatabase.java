package dev.crmsync.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * One embedded PostgreSQL for a whole benchmark run, started with the settings the service's own
 * embedded database uses ({@code DatabaseServer}: fsync, synchronous_commit and full_page_writes on),
 * so the service (given {@code SYNC_DB_URL}) and the raw ceilings share the same server and disk.
 * Start-up refuses to go on unless {@code SHOW fsync} and {@code SHOW synchronous_commit} say {@code on}.
 */
final class BenchDatabase implements AutoCloseable {
    /** The service's database on the same server; the ceilings use {@code postgres}. */
    static final String SERVICE_DB = "service";
    private final EmbeddedPostgres pg;
    private final Path dataDir;

    private BenchDatabase(EmbeddedPostgres pg, Path dataDir) {
        this.pg = pg;
        this.dataDir = dataDir;
    }

    static BenchDatabase start() throws IOException, SQLException {
        Path dir = Files.createTempDirectory("crm-sync-bench-pg");
        EmbeddedPostgres pg = EmbeddedPostgres.builder()
                .setDataDirectory(dir.resolve("data"))
                .setOverrideWorkingDirectory(dir.resolve("runtime").toFile())
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                // Queue tables churn: look for dead rows every 10 s rather than every minute.
                .setServerConfig("autovacuum_naptime", "10s")
                .setServerConfig("max_connections", "200")
                .setPGStartupWait(Duration.ofSeconds(120))
                .start();
        BenchDatabase db = new BenchDatabase(pg, dir);
        db.assertDurable();
        db.execute("create database " + SERVICE_DB);
        return db;
    }

    /** Fails unless commits wait for the disk: otherwise every figure would be meaningless. */
    void assertDurable() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            for (String setting : new String[] {"fsync", "synchronous_commit"}) {
                try (ResultSet rs = s.executeQuery("show " + setting)) {
                    rs.next();
                    if (!"on".equals(rs.getString(1))) {
                        throw new IllegalStateException(setting + " is " + rs.getString(1) + "; benchmarks need it on");
                    }
                }
            }
        }
    }

    String jdbcUrl() {
        return pg.getJdbcUrl("postgres", "postgres");
    }

    String serviceJdbcUrl() {
        return pg.getJdbcUrl("postgres", SERVICE_DB);
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), "postgres", "");
    }

    Connection connectService() throws SQLException {
        return DriverManager.getConnection(serviceJdbcUrl(), "postgres", "");
    }

    /** The first column of the first row of a query on the service's database, as a long. */
    long serviceLong(String sql) throws SQLException {
        try (Connection c = connectService(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Runs statements on a fresh autocommit connection. */
    void execute(String... sql) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            for (String statement : sql) {
                s.execute(statement);
            }
        }
    }

    /** Runs a statement on the service's database, autocommit. */
    void executeService(String sql) throws SQLException {
        try (Connection c = connectService(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** The first column of the first row of a query, as a long. */
    long queryLong(String sql) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Override
    public void close() throws IOException {
        pg.close();
        try (var files = Files.walk(dataDir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
