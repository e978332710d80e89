package dev.crmsync.service.persistence;

import dev.crmsync.core.rules.Coalescer;
import java.time.Duration;
import java.time.Instant;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** The dispatcher's side of the outbox: claim commands with a lease, then record what the target answered. */
public final class OutboxRepository {
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final CommandCodec codec;

    /** A claimed command, with the attempts made before this claim and when this claim's lease ends. */
    public record Claimed(Coalescer.Pending pending, int attempts, Instant leaseEnd) {
        public Claimed withLeaseEnd(Instant end) {
            return new Claimed(pending, attempts, end);
        }
    }

    public OutboxRepository(JdbcTemplate jdbc, TransactionTemplate tx, CommandCodec codec) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.codec = codec;
    }

    /** Claims live and backfill commands alike; see {@link #claim(String, int, Duration, boolean)}. */
    public List<Claimed> claim(String target, int limit, Duration lease) {
        return claim(target, limit, lease, true);
    }

    /**
     * Claims up to {@code limit} due commands for a target and leases them, live commands first. A
     * command waits while an older command for the same person is leased or backing off, so one
     * person's writes reach the target in the order they were planned, across instances. Claims for
     * one target are serialised (an advisory lock held for the few milliseconds of the claim) so that
     * rule cannot race.
     *
     * @param includeBackfill whether backfill commands may fill what live commands leave of the limit;
     *                        without it, a backfill command is claimed only when a newer live command of
     *                        the same person is due, so it can never overtake it
     */
    public List<Claimed> claim(String target, int limit, Duration lease, boolean includeBackfill) {
        return tx.execute(status -> {
            jdbc.query("select pg_advisory_xact_lock(hashtextextended(?, 1))", rs -> {
            }, "dispatch:" + target);
            List<Claimed> claimed = new ArrayList<>(select(target, limit, LIVE_OR_PROMOTED));
            if (includeBackfill && claimed.size() < limit) {
                claimed.addAll(select(target, limit - claimed.size(), "c.priority > 0"));
                claimed.sort(Comparator.comparingLong(c -> c.pending().id()));
            }
            if (claimed.isEmpty()) {
                return claimed;
            }
            Long[] ids = claimed.stream().map(c -> c.pending().id()).toArray(Long[]::new);
            // The attempt counts from the moment it starts: if this instance dies mid-call, whoever
            // claims the command next sees attempts > 0 and knows the target may already have it.
            Map<Long, Instant> ends = new HashMap<>();
            jdbc.query("update outbound_command set next_attempt_at = now() + ?::interval, attempts = attempts + 1 "
                    + "where id = any(?) returning id, next_attempt_at", rs -> {
                        ends.put(rs.getLong(1), rs.getTimestamp(2).toInstant());
                    }, lease.toMillis() + " milliseconds", ids);
            return claimed.stream().map(c -> c.withLeaseEnd(ends.get(c.pending().id()))).toList();
        });
    }

    /**
     * Extends the leases that are still ours: a lease whose end is no longer the one we hold was
     * claimed by another instance after it ran out, and is left alone. Returns the new end of each
     * lease kept; a command missing from the answer must not be sent by this instance.
     */
    public Map<Long, Instant> renewLeases(Map<Long, Instant> held, Duration lease) {
        if (held.isEmpty()) {
            return Map.of();
        }
        Long[] ids = held.keySet().toArray(Long[]::new);
        String[] ends = Arrays.stream(ids).map(id -> held.get(id).toString()).toArray(String[]::new);
        Map<Long, Instant> kept = new HashMap<>();
        jdbc.query("update outbound_command c set next_attempt_at = now() + ?::interval "
                + "from unnest(?::bigint[], ?::timestamptz[]) as l(id, lease_end) "
                + "where c.id = l.id and c.status = 'pending' and c.next_attempt_at = l.lease_end "
                + "returning c.id, c.next_attempt_at", rs -> {
                    kept.put(rs.getLong(1), rs.getTimestamp(2).toInstant());
                }, lease.toMillis() + " milliseconds", ids, ends);
        return kept;
    }

    private static final String LIVE_OR_PROMOTED = "(c.priority = 0 or exists (select 1 from outbound_command l "
            + "where l.target = c.target and l.record_key = c.record_key and l.status = 'pending' "
            + "and l.priority = 0 and l.id > c.id))";

    private List<Claimed> select(String target, int limit, String priorityClass) {
        return jdbc.query("select c.id, c.payload::text, c.attempts from outbound_command c "
                        + "where c.target = ? and c.status = 'pending' and c.next_attempt_at <= now() and "
                        + priorityClass + " and not exists (select 1 from outbound_command p where p.target = c.target "
                        + "and p.record_key = c.record_key and p.status = 'pending' and p.id < c.id "
                        + "and p.next_attempt_at > now()) "
                        + "order by c.id limit ? for update skip locked",
                (rs, i) -> new Claimed(new Coalescer.Pending(rs.getLong(1), codec.read(rs.getString(2))),
                        rs.getInt(3), null),
                target, limit);
    }

    public void recordWritten(List<Long> ids, int attempt, int httpStatus, String detail) {
        Long[] array = ids.toArray(Long[]::new);
        jdbc.update("update outbound_command set status = 'done', done_at = now(), last_error = null "
                + "where id = any(?)", (Object) array);
        attempts(ids, attempt, "written", httpStatus, detail);
    }

    /** Schedules another try; a rate-limit answer does not use up an attempt. */
    public void recordRetry(List<Long> ids, int attempt, boolean countsAsAttempt, Instant nextAttemptAt,
                            int httpStatus, String reason) {
        jdbc.update("update outbound_command set attempts = attempts - ?, next_attempt_at = ?, last_error = ? "
                        + "where id = any(?)", countsAsAttempt ? 0 : 1, Timestamp.from(nextAttemptAt), reason,
                ids.toArray(Long[]::new));
        attempts(ids, attempt, httpStatus == 429 ? "rate-limited" : "retry", httpStatus, reason);
    }

    /** Moves commands to the dead-letter table with the reason. */
    public void recordDead(List<Long> ids, int attempt, String errorKind, int httpStatus, String reason) {
        Long[] array = ids.toArray(Long[]::new);
        jdbc.update("update outbound_command set status = 'dead', last_error = ? "
                + "where id = any(?)", reason, array);
        jdbc.update("insert into dead_letter (command_id, target, record_key, kind, payload, error_kind, reason, attempts) "
                + "select id, target, record_key, kind, payload, ?, ?, attempts from outbound_command where id = any(?)",
                errorKind, reason, array);
        attempts(ids, attempt, "dead-letter", httpStatus, reason);
    }

    public void linkIdentity(String email, String system, String externalId) {
        jdbc.update("insert into identity_link (email, system, external_id) values (?, ?, ?) "
                + "on conflict (email, system) do update set external_id = excluded.external_id, updated_at = now()",
                email, system, externalId);
    }

    private void attempts(List<Long> ids, int attempt, String outcome, int httpStatus, String detail) {
        jdbc.batchUpdate("insert into command_attempt (command_id, attempt, outcome, http_status, detail) "
                        + "values (?, ?, ?, ?, ?)",
                ids.stream().map(id -> new Object[]{id, attempt, outcome, httpStatus == 0 ? null : httpStatus, detail})
                        .toList());
    }
}
