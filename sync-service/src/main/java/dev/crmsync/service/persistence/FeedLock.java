package dev.crmsync.service.persistence;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cluster-wide right to poll one system's feed: a session-level {@code pg_try_advisory_lock} on a
 * dedicated connection (not from the pool), keyed by the class "POLL" and {@code hashtext(system)}.
 * Session-level rather than per-transaction so the holder keeps the feed between polls and the others
 * stay idle instead of taking turns; the lock lives exactly as long as the session, so a holder that
 * dies (kill -9, lost host) frees it when PostgreSQL drops the connection. Short server-side TCP
 * keepalives make a vanished host's session end within a minute instead of the OS default two hours.
 * Page commits run on this same connection, so a holder whose session ended cannot commit a page that
 * the next holder might also commit.
 */
public final class FeedLock implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(FeedLock.class);
    /** "POLL": the first key of every feed lock, apart from the watchdog's and the per-person keys. */
    static final int LOCK_CLASS = 0x504f4c4c;

    private final String system;
    private final String jdbcUrl;
    private final Properties credentials;
    private Connection connection;

    public FeedLock(String system, String jdbcUrl, String user, String password) {
        this.system = system;
        this.jdbcUrl = jdbcUrl;
        this.credentials = DirectConnections.settings(user, password, "crm-sync poller " + system);
    }

    /** Takes the lock unless another session holds it; true when this instance now polls the feed. */
    public boolean tryAcquire() {
        if (isHeld()) {
            return true;
        }
        try {
            Connection c = DriverManager.getConnection(jdbcUrl, credentials);
            try (Statement keepalive = c.createStatement()) {
                keepalive.execute("set tcp_keepalives_idle = 30; set tcp_keepalives_interval = 10; "
                        + "set tcp_keepalives_count = 3");
            }
            try (PreparedStatement lock = c.prepareStatement("select pg_try_advisory_lock(?, hashtext(?))")) {
                lock.setInt(1, LOCK_CLASS);
                lock.setString(2, system);
                try (ResultSet rs = lock.executeQuery()) {
                    if (rs.next() && rs.getBoolean(1)) {
                        connection = c;
                        return true;
                    }
                }
            }
            c.close();
        } catch (SQLException e) {
            log.debug("Poller {}: cannot reach the database for its lock: {}", system, e.getMessage());
        }
        return false;
    }

    /** True while the session holding the lock is alive (a dead session's lock is already gone). */
    public boolean isHeld() {
        try {
            if (connection != null && connection.isValid(3)) {
                return true;
            }
        } catch (SQLException e) {
            log.debug("Poller {}: lock connection check failed: {}", system, e.getMessage());
        }
        release();
        return false;
    }

    /** The connection that holds the lock; page commits run on it. Only valid while {@link #isHeld()}. */
    public Connection connection() {
        if (connection == null) {
            throw new IllegalStateException("poller " + system + " does not hold its feed lock");
        }
        return connection;
    }

    /** Gives the feed up: closing the session releases the lock. */
    public void release() {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException e) {
            log.debug("Poller {}: closing the lock connection failed: {}", system, e.getMessage());
        }
        connection = null;
    }

    @Override
    public void close() {
        release();
    }
}
