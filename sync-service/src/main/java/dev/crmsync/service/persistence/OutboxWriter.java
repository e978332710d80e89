package dev.crmsync.service.persistence;

import dev.crmsync.core.model.Command;
import dev.crmsync.core.model.Decision;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/** Writes what the planner produced for one batch of events: decisions and commands, in the worker's transaction. */
public final class OutboxWriter {
    public static final String CHANNEL = "outbox_ready";
    /** Claim class of commands planned from live events: sent first. */
    public static final int LIVE = 0;
    /** Claim class of commands planned by a backfill job: sent with what the rate budget leaves. */
    public static final int BACKFILL = 1;

    private final JdbcTemplate jdbc;
    private final CommandCodec codec;
    private final List<Object[]> decisions = new ArrayList<>();
    private final List<Object[]> commands = new ArrayList<>();
    private final int priority;

    public OutboxWriter(JdbcTemplate jdbc, CommandCodec codec) {
        this(jdbc, codec, LIVE);
    }

    /** @param priority {@link #LIVE} or {@link #BACKFILL}, for every command this writer collects */
    public OutboxWriter(JdbcTemplate jdbc, CommandCodec codec, int priority) {
        this.jdbc = jdbc;
        this.codec = codec;
        this.priority = priority;
    }

    public void decision(long eventId, String email, Decision d) {
        String value = d instanceof Decision.Applied a ? a.value()
                : d instanceof Decision.ConflictResolved c ? c.value() : null;
        decisions.add(new Object[]{eventId, email, d.target().value(), d.subject(), d.outcome(), value, d.reason()});
    }

    public void decision(long eventId, String email, String target, String subject, String outcome, String reason) {
        decisions.add(new Object[]{eventId, email, target, subject, outcome, null, reason});
    }

    public void command(long eventId, Command c) {
        String key = c instanceof Command.AddActivity a ? a.idempotencyKey() : null;
        commands.add(new Object[]{c.target().value(), c.who().email(), c.kind(), key, codec.write(c), eventId, priority});
    }

    /** A point to go back to when an event fails halfway. */
    public record Mark(int decisions, int commands) {
    }

    public Mark mark() {
        return new Mark(decisions.size(), commands.size());
    }

    /** Forgets everything collected since the mark. */
    public void reset(Mark mark) {
        decisions.subList(mark.decisions(), decisions.size()).clear();
        commands.subList(mark.commands(), commands.size()).clear();
    }

    public boolean hasCommands() {
        return !commands.isEmpty();
    }

    /** Inserts everything collected; an activity already commanded for its target is not commanded again. */
    public void flush() {
        if (!decisions.isEmpty()) {
            jdbc.update("insert into decision (event_id, email, target, subject, outcome, value, reason) "
                            + "select * from unnest(?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], "
                            + "?::text[])",
                    Columns.of(decisions, Long.class, String.class, String.class, String.class, String.class,
                            String.class, String.class));
        }
        if (!commands.isEmpty()) {
            // In the order planned: a person's commands are sent in id order. Only activities can conflict (one
            // per target and idempotency key); the rest skip the speculative insert that ON CONFLICT costs.
            boolean activities = commands.stream().anyMatch(c -> c[3] != null);
            jdbc.update("insert into outbound_command (target, record_key, kind, idempotency_key, payload, "
                            + "inbound_event_id, priority) select target, record_key, kind, idempotency_key, "
                            + "payload::jsonb, inbound_event_id, priority from unnest(?::text[], ?::text[], ?::text[], "
                            + "?::text[], ?::text[], ?::bigint[], ?::int[]) with ordinality as c(target, record_key, "
                            + "kind, idempotency_key, payload, inbound_event_id, priority, n) order by n"
                            + (activities ? " on conflict do nothing" : ""),
                    Columns.of(commands, String.class, String.class, String.class, String.class, String.class,
                            Long.class, Integer.class));
            jdbc.execute("select pg_notify('" + CHANNEL + "', '')");
        }
        decisions.clear();
        commands.clear();
    }
}
