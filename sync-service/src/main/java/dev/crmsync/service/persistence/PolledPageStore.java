package dev.crmsync.service.persistence;

import dev.crmsync.core.spi.ChangeFeed;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The positions of polled change feeds ({@code sync_cursor}, one row named {@code feed:<system>}) and the
 * page commit: a page's events go through the same insert as webhooks (unique dedup key, queue row,
 * NOTIFY) and the feed's cursor moves in the same transaction. A crash before the commit leaves both
 * untouched, so the page is fetched again and nothing is skipped; a page repeating known events adds
 * nothing. Works on the caller's connection: the poller's, which also holds the feed's advisory lock,
 * so a poller that lost its session can no longer commit.
 */
public final class PolledPageStore {
    /** The auth method polled events are stored with (webhooks store how their sender was verified). */
    public static final String AUTH_METHOD = "poll";

    private final JdbcTemplate jdbc;

    /** A feed's stored position and when a poll last stored it. */
    public record StoredCursor(String position, Instant updatedAt) {
    }

    public PolledPageStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public static String cursorName(String system) {
        return "feed:" + system;
    }

    /** The cursor the last committed page returned; empty before the first. */
    public Optional<String> cursor(Connection connection, String system) throws SQLException {
        try (PreparedStatement read = connection.prepareStatement("select position from sync_cursor where name = ?")) {
            read.setString(1, cursorName(system));
            try (ResultSet rs = read.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    /**
     * Stores the page's new events and moves the cursor to {@code page.nextCursor()} in one transaction;
     * the cursor row's {@code updated_at} records this successful poll even when the page was empty.
     *
     * @return how many of the page's events were new (the rest were known dedup keys)
     */
    public int commitPage(Connection connection, String system, ChangeFeed.Page page, Instant receivedAt)
            throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            int stored = 0;
            if (!page.events().isEmpty()) {
                InboundSubmission submission = new InboundSubmission(system, page.events(), AUTH_METHOD, receivedAt,
                        new CompletableFuture<>());
                stored = InboundEventStore.insertAndQueue(connection, List.of(submission)).size();
            }
            try (PreparedStatement move = connection.prepareStatement("insert into sync_cursor (name, position, updated_at) "
                    + "values (?, ?, ?) on conflict (name) do update set position = excluded.position, "
                    + "updated_at = excluded.updated_at")) {
                move.setString(1, cursorName(system));
                move.setString(2, page.nextCursor());
                move.setTimestamp(3, Timestamp.from(receivedAt));
                move.executeUpdate();
            }
            connection.commit();
            connection.setAutoCommit(autoCommit);
            return stored;
        } catch (SQLException | RuntimeException e) {
            try {
                connection.rollback();
                connection.setAutoCommit(autoCommit);
            } catch (SQLException connectionGone) {
                e.addSuppressed(connectionGone);
            }
            throw e;
        }
    }

    /** The feed's stored cursor, read through the pool (for gauges and admin views). */
    public Optional<StoredCursor> storedCursor(String system) {
        return jdbc.query("select position, updated_at from sync_cursor where name = ?",
                rs -> rs.next() ? Optional.of(new StoredCursor(rs.getString(1), rs.getTimestamp(2).toInstant()))
                        : Optional.empty(), cursorName(system));
    }
}
