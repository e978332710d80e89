package dev.crmsync.service;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real PostgreSQL for tests: one embedded server per test JVM and a fresh database per caller, or
 * the server named by {@code SYNC_TEST_DB_URL} (a JDBC URL to an admin database) when set.
 */
public final class TestDatabase {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static EmbeddedPostgres embedded;

    /** A connection URL, user and password for a database nobody else uses. */
    public record Db(String url, String user, String password) {
    }

    private TestDatabase() {
    }

    public static synchronized Db fresh() {
        String name = "sync_test_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        String external = System.getenv("SYNC_TEST_DB_URL");
        try {
            if (external != null && !external.isBlank()) {
                String user = System.getenv().getOrDefault("SYNC_TEST_DB_USER", "postgres");
                String password = System.getenv().getOrDefault("SYNC_TEST_DB_PASSWORD", "");
                try (Connection c = DriverManager.getConnection(external, user, password);
                     Statement s = c.createStatement()) {
                    s.execute("create database " + name);
                }
                return new Db(external.replaceFirst("/[^/?]*(\\?|$)", "/" + name + "$1"), user, password);
            }
            if (embedded == null) {
                embedded = EmbeddedPostgres.builder().setServerConfig("max_connections", "300").start();
            }
            try (Connection c = embedded.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("create database " + name);
            }
            return new Db(embedded.getJdbcUrl("postgres", name), "postgres", "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name, e);
        }
    }
}
