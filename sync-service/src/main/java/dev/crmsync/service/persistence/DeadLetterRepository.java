package dev.crmsync.service.persistence;

import dev.crmsync.core.model.Command;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The dead-letter table for operators: list with filters, and replay. A replay puts the command back in
 * the outbox with a fresh set of attempts, marked as tried before (so a writer of notes checks whether
 * the target already has it). A replayed upsert keeps only the fields the engine still wants: a field
 * whose recorded state moved on since the command was planned is dropped, so a replay never
 * overwrites a newer value.
 */
public final class DeadLetterRepository {
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final CommandCodec codec;

    /** Filters for listing and bulk replay; null means "any". */
    public record Filter(String target, String errorKind, Instant since, Instant until, Boolean replayed) {
    }

    public DeadLetterRepository(JdbcTemplate jdbc, TransactionTemplate tx, CommandCodec codec) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.codec = codec;
    }

    public List<Map<String, Object>> list(Filter filter, int limit) {
        List<Object> args = new ArrayList<>();
        String where = where(filter, args);
        args.add(limit);
        return jdbc.queryForList("select id, command_id as \"commandId\", target, record_key as email, kind, "
                + "error_kind as \"errorKind\", reason, attempts, created_at as \"createdAt\", "
                + "replayed_at as \"replayedAt\", payload::text as command from dead_letter" + where
                + " order by id desc limit ?", args.toArray());
    }

    /** Replays the open dead letters matching the filter; returns how many went back to the outbox. */
    public int replay(Filter filter) {
        List<Object> args = new ArrayList<>();
        String where = where(new Filter(filter.target(), filter.errorKind(), filter.since(), filter.until(), false),
                args);
        List<Long> ids = jdbc.queryForList("select id from dead_letter" + where + " order by id", Long.class,
                args.toArray());
        return replay(ids);
    }

    /** Open (not yet replayed) dead letters matching the filter with an id above {@code afterId}, oldest first. */
    public List<Long> openIds(Filter filter, long afterId, int limit) {
        List<Object> args = new ArrayList<>();
        String where = where(new Filter(filter.target(), filter.errorKind(), filter.since(), filter.until(), false),
                args);
        args.add(afterId);
        args.add(limit);
        return jdbc.queryForList("select id from dead_letter" + where + " and id > ? order by id limit ?", Long.class,
                args.toArray());
    }

    /** How many open dead letters match the filter. */
    public long countOpen(Filter filter) {
        List<Object> args = new ArrayList<>();
        String where = where(new Filter(filter.target(), filter.errorKind(), filter.since(), filter.until(), false),
                args);
        Long count = jdbc.queryForObject("select count(*) from dead_letter" + where, Long.class, args.toArray());
        return count == null ? 0 : count;
    }

    /** Replays these dead letters (already replayed ones are skipped); returns how many went back. */
    public int replay(List<Long> deadLetterIds) {
        Integer count = tx.execute(status -> {
            int replayed = 0;
            for (Long id : deadLetterIds) {
                List<Map<String, Object>> rows = jdbc.queryForList("select command_id, target, record_key, "
                        + "payload::text as payload from dead_letter where id = ? and replayed_at is null for update", id);
                if (rows.isEmpty()) {
                    continue;
                }
                Map<String, Object> row = rows.get(0);
                String payload = stillWanted((String) row.get("target"), (String) row.get("record_key"),
                        (String) row.get("payload"));
                if (payload != null) {
                    jdbc.update("update outbound_command set status = 'pending', attempts = 1, next_attempt_at = now(), "
                            + "payload = ?::jsonb, last_error = null where id = ?", payload, row.get("command_id"));
                    replayed++;
                }
                jdbc.update("update dead_letter set replayed_at = now() where id = ?", id);
            }
            if (replayed > 0) {
                jdbc.execute("select pg_notify('" + OutboxWriter.CHANNEL + "', '')");
            }
            return replayed;
        });
        return count == null ? 0 : count;
    }

    /** The command to send again, or null when nothing in it is still wanted. */
    private String stillWanted(String target, String recordKey, String payload) {
        Command command = codec.read(payload);
        if (!(command instanceof Command.Upsert upsert)) {
            return payload;
        }
        Map<String, String> current = new LinkedHashMap<>();
        jdbc.query("select field, value from field_state where system = ? and record_key = ?",
                rs -> {
                    current.put(rs.getString(1), rs.getString(2));
                }, target, recordKey);
        Map<String, String> wanted = new LinkedHashMap<>();
        upsert.fields().forEach((field, value) -> {
            if (!current.containsKey(field) || value.equals(current.get(field))) {
                wanted.put(field, value);
            }
        });
        if (wanted.isEmpty()) {
            return null;
        }
        return codec.write(new Command.Upsert(upsert.target(), upsert.who(), wanted, upsert.observedAt(),
                upsert.clearFirst().stream().filter(wanted::containsKey).collect(Collectors.toSet())));
    }

    private static String where(Filter f, List<Object> args) {
        List<String> clauses = new ArrayList<>();
        if (f.target() != null) {
            clauses.add("target = ?");
            args.add(f.target());
        }
        if (f.errorKind() != null) {
            clauses.add("error_kind = ?");
            args.add(f.errorKind());
        }
        if (f.since() != null) {
            clauses.add("created_at >= ?");
            args.add(Timestamp.from(f.since()));
        }
        if (f.until() != null) {
            clauses.add("created_at < ?");
            args.add(Timestamp.from(f.until()));
        }
        if (f.replayed() != null) {
            clauses.add(f.replayed() ? "replayed_at is not null" : "replayed_at is null");
        }
        return clauses.isEmpty() ? "" : " where " + String.join(" and ", clauses);
    }
}
