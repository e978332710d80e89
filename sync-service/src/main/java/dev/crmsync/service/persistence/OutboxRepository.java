package dev.crmsync.service.persistence;

import dev.crmsync.core.rules.Coalescer;
import java.time.Duration;
import java.time.Instant;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
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

    /**
     * Claims up to {@code limit} due commands for a target and leases them, live commands first. Per
     * person, only the due commands before the first one that is not (leased or backing off) are taken,
     * so one person's writes reach the target in the order they were planned, across instances. Claims
     * for one target are serialised (an advisory lock held for the few milliseconds of the claim) so that
     * rule cannot race.
     *
     * <p>Every query here reads one table through an index, with no joins: a queue table's statistics are
     * often stale after a burst, and a join planned on stale statistics once took seconds per claim.
     *
     * @param includeBackfill whether backfill commands may fill what live commands leave of the limit;
     *                        without it, a backfill command is claimed only when it is older than a pending
     *                        live command of the same person, so it can never be overtaken by it
     * @param backfillFill    how long due backfill commands wait for more to fill what is left of the limit: a
     *                        job writes its commands a chunk at a time, and a target whose round costs look-ups
     *                        (Salesforce) spends fewer calls per record on full rounds; zero claims them at once
     */
    public List<Claimed> claim(String target, int limit, Duration lease, boolean includeBackfill,
                               Duration backfillFill) {
        return tx.execute(status -> {
            jdbc.query("select pg_advisory_xact_lock(hashtextextended(?, 1))", rs -> {
            }, "dispatch:" + target);
            Map<String, List<ClaimPlan.Row>> chosen = new LinkedHashMap<>();
            choose(target, OutboxWriter.LIVE, limit, includeBackfill, chosen);
            if (includeBackfill && backfillReady(target, limit - size(chosen), backfillFill)) {
                choose(target, OutboxWriter.BACKFILL, limit, true, chosen);
            }
            List<Claimed> claimed = lock(chosen);
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
     * Whether the due backfill commands fill {@code room}, or the oldest of them has waited {@code fill}; a
     * command being retried has waited long since. One index walk of at most {@code room} entries.
     */
    private boolean backfillReady(String target, int room, Duration fill) {
        if (room <= 0) {
            return false;
        }
        if (fill.isZero()) {
            return true;
        }
        Boolean ready = jdbc.queryForObject("select count(*) >= ? or min(created_at) <= now() - ?::interval from "
                        + "(select created_at from outbound_command where target = ? and status = 'pending' and priority = ? "
                        + "and next_attempt_at <= now() order by id limit ?) due",
                Boolean.class, room, fill.toMillis() + " milliseconds", target, OutboxWriter.BACKFILL, room);
        return Boolean.TRUE.equals(ready);
    }

    private static int size(Map<String, List<ClaimPlan.Row>> chosen) {
        return chosen.values().stream().mapToInt(List::size).sum();
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

    /**
     * Adds the due prefixes of the people with the first due commands of one class, up to {@code limit} in
     * all. Reads the due commands in windows of the room left, a few windows at most, so people whose
     * older commands are still leased cannot fill the window and hold everyone behind them back.
     */
    private void choose(String target, int priority, int limit, boolean includeBackfill,
                        Map<String, List<ClaimPlan.Row>> chosen) {
        long after = 0;
        Set<String> looked = new HashSet<>(chosen.keySet());
        for (int window = 0; window < 4; window++) {
            int room = limit - size(chosen);
            if (room <= 0) {
                return;
            }
            List<String> people = new ArrayList<>();
            long[] last = {after};
            jdbc.query("select id, record_key from outbound_command where target = ? and status = 'pending' "
                            + "and priority = ? and next_attempt_at <= now() and id > ? order by id limit ?",
                    rs -> {
                        last[0] = rs.getLong(1);
                        people.add(rs.getString(2));
                    }, target, priority, after, room);
            if (people.isEmpty()) {
                return;
            }
            after = last[0];
            List<String> fresh = people.stream().distinct().filter(looked::add).toList();
            if (!fresh.isEmpty()) {
                Map<String, List<ClaimPlan.Row>> pending = new HashMap<>();
                jdbc.query("select id, record_key, priority, next_attempt_at <= now() from outbound_command "
                                + "where target = ? and status = 'pending' and record_key = any(?) order by id",
                        rs -> {
                            ClaimPlan.Row row = new ClaimPlan.Row(rs.getLong(1), rs.getInt(3), rs.getBoolean(4));
                            pending.computeIfAbsent(rs.getString(2), k -> new ArrayList<>()).add(row);
                        }, target, fresh.toArray(String[]::new));
                chosen.putAll(ClaimPlan.choose(fresh, pending, includeBackfill, room));
            }
            if (people.size() < room) {
                return;
            }
        }
    }

    /**
     * Locks the chosen commands; a person's commands after one that could not be locked (another
     * instance is recording it) are left for a later round, so nothing of that person overtakes it.
     */
    private List<Claimed> lock(Map<String, List<ClaimPlan.Row>> chosen) {
        Long[] ids = chosen.values().stream().flatMap(List::stream).map(ClaimPlan.Row::id).toArray(Long[]::new);
        if (ids.length == 0) {
            return List.of();
        }
        Map<Long, Claimed> locked = new HashMap<>();
        jdbc.query("select id, payload::text, attempts from outbound_command where id = any(?) "
                        + "and status = 'pending' and next_attempt_at <= now() order by id for update skip locked",
                rs -> {
                    long id = rs.getLong(1);
                    locked.put(id, new Claimed(new Coalescer.Pending(id, codec.read(rs.getString(2))), rs.getInt(3), null));
                }, (Object) ids);
        List<Claimed> claimed = new ArrayList<>(locked.size());
        for (List<ClaimPlan.Row> rows : chosen.values()) {
            for (ClaimPlan.Row row : rows) {
                Claimed c = locked.get(row.id());
                if (c == null) {
                    break;
                }
                claimed.add(c);
            }
        }
        claimed.sort(Comparator.comparingLong(c -> c.pending().id()));
        return claimed;
    }

    /**
     * A group of commands sent as one write that the target accepted; {@code externalId} (or null) is the
     * target's id for the person, linked to {@code email}.
     */
    public record Written(List<Long> ids, int attempt, int httpStatus, String detail, String email, String externalId) {
    }

    /**
     * Records one round's accepted writes with a fixed number of statements whatever the round's size
     * (marks them done, logs one attempt per command, links the target's ids), so the transaction and
     * the row locks it holds stay short.
     */
    public void recordWritten(String target, List<Written> written) {
        if (written.isEmpty()) {
            return;
        }
        List<Long> ids = new ArrayList<>();
        List<Integer> attempts = new ArrayList<>();
        List<Integer> statuses = new ArrayList<>();
        List<String> details = new ArrayList<>();
        Map<String, String> links = new TreeMap<>();
        for (Written w : written) {
            for (Long id : w.ids()) {
                ids.add(id);
                attempts.add(w.attempt());
                statuses.add(w.httpStatus() == 0 ? null : w.httpStatus());
                details.add(w.detail());
            }
            if (w.externalId() != null) {
                links.put(w.email(), w.externalId());
            }
        }
        Long[] idArray = ids.toArray(Long[]::new);
        jdbc.update("update outbound_command set status = 'done', done_at = now(), last_error = null "
                + "where id = any(?)", (Object) idArray);
        jdbc.update("insert into command_attempt (command_id, attempt, outcome, http_status, detail) "
                        + "select id, attempt, 'written', status, detail "
                        + "from unnest(?::bigint[], ?::int[], ?::int[], ?::text[]) as a(id, attempt, status, detail)",
                idArray, attempts.toArray(Integer[]::new), statuses.toArray(Integer[]::new), details.toArray(String[]::new));
        if (!links.isEmpty()) {
            // Sorted by email, so two instances recording overlapping rounds lock the rows in one order.
            jdbc.update("insert into identity_link (email, system, external_id) "
                            + "select email, ?, external_id from unnest(?::text[], ?::text[]) as l(email, external_id) "
                            + "on conflict (email, system) do update set external_id = excluded.external_id, updated_at = now() "
                            + "where identity_link.external_id is distinct from excluded.external_id",
                    target, links.keySet().toArray(String[]::new), links.values().toArray(String[]::new));
        }
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

    private void attempts(List<Long> ids, int attempt, String outcome, int httpStatus, String detail) {
        jdbc.batchUpdate("insert into command_attempt (command_id, attempt, outcome, http_status, detail) "
                        + "values (?, ?, ?, ?, ?)",
                ids.stream().map(id -> new Object[]{id, attempt, outcome, httpStatus == 0 ? null : httpStatus, detail})
                        .toList());
    }
}
