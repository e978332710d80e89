package dev.crmsync.service.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One person's journey, read back for operators: the events received, every decision with its
 * reason, the commands planned and each attempt to send them, in time order.
 */
public final class TraceRepository {
    private final JdbcTemplate jdbc;

    public TraceRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The timeline's sources; each row's columns become the entry's keys, in this order. An event is
     * the person's when it names their email or when a decision about them came from it (a CRM event
     * names only a record id until it is translated). An event still queued shows as {@code waiting}
     * (with its attempts and last error); a planned one as {@code translated}, at its first decision,
     * with how many decisions it led to.
     */
    private static final List<String> TIMELINE = List.of(
            "select received_at as at, 'received'::text as type, id as \"eventId\", source, event_type as \"eventType\", "
                    + "auth_method as auth, occurred_at as \"occurredAt\", convert_from(payload, 'UTF8') as payload "
                    + "from inbound_event where email = ? "
                    + "or id in (select event_id from decision where email = ?) order by id",
            "select q.available_at as at, 'waiting'::text as type, q.event_id as \"eventId\", e.source, "
                    + "e.event_type as \"eventType\", q.attempts, q.last_error as \"lastError\" from inbound_queue q "
                    + "join inbound_event e on e.id = q.event_id where e.email = ? order by q.event_id",
            "select min(at) as at, 'translated'::text as type, event_id as \"eventId\", count(*) as decisions "
                    + "from decision where email = ? group by event_id order by event_id",
            "select at, 'decision'::text as type, event_id as \"eventId\", target, subject, outcome, value, reason "
                    + "from decision where email = ? order by id",
            "select created_at as at, 'command'::text as type, id as \"commandId\", inbound_event_id as \"eventId\", "
                    + "target, kind, status, attempts, payload::text as command, last_error as \"lastError\" "
                    + "from outbound_command where record_key = ? order by id",
            "select a.at, 'call'::text as type, a.command_id as \"commandId\", c.target, a.attempt, a.outcome, "
                    + "a.http_status as \"httpStatus\", a.detail from command_attempt a "
                    + "join outbound_command c on c.id = a.command_id where c.record_key = ? order by a.id");

    public Map<String, Object> trace(String email) {
        List<Map<String, Object>> timeline = new ArrayList<>();
        for (String sql : TIMELINE) {
            Object[] args = Collections.nCopies((int) sql.chars().filter(c -> c == '?').count(), email).toArray();
            for (Map<String, Object> row : jdbc.queryForList(sql, args)) {
                row.replaceAll((column, value) -> value instanceof Timestamp t ? t.toInstant().toString() : value);
                timeline.add(row);
            }
        }
        timeline.sort(Comparator.comparing((Map<String, Object> m) -> Instant.parse((String) m.get("at")))
                .thenComparing(m -> ORDER.indexOf((String) m.get("type"))));
        Map<String, Object> trace = new LinkedHashMap<>();
        trace.put("email", email);
        trace.put("identities", jdbc.queryForList(
                "select system, external_id as \"externalId\" from identity_link where email = ? order by system", email));
        trace.put("fieldState", jdbc.queryForList("select system, field, value, source, observed_at as \"observedAt\" "
                + "from field_state where record_key = ? order by system, field", email));
        trace.put("timeline", timeline);
        return trace;
    }

    private static final List<String> ORDER = List.of("received", "waiting", "translated", "decision", "command",
            "call");

}
