package dev.crmsync.service.persistence;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
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

    public Map<String, Object> trace(String email) {
        List<Map<String, Object>> timeline = new ArrayList<>();
        jdbc.query("select id, source, event_type, auth_method, occurred_at, received_at, payload from inbound_event "
                + "where email = ? order by id", rs -> {
                    Map<String, Object> e = entry("received", rs.getTimestamp("received_at"), rs.getLong("id"));
                    e.put("eventId", rs.getLong("id"));
                    e.put("source", rs.getString("source"));
                    e.put("eventType", rs.getString("event_type"));
                    e.put("auth", rs.getString("auth_method"));
                    e.put("occurredAt", iso(rs.getTimestamp("occurred_at")));
                    e.put("payload", new String(rs.getBytes("payload"), StandardCharsets.UTF_8));
                    timeline.add(e);
                }, email);
        jdbc.query("select id, event_id, target, subject, outcome, value, reason, at from decision where email = ? "
                + "order by id", rs -> {
                    Map<String, Object> d = entry("decision", rs.getTimestamp("at"), rs.getLong("event_id"));
                    d.put("eventId", rs.getLong("event_id"));
                    d.put("target", rs.getString("target"));
                    d.put("subject", rs.getString("subject"));
                    d.put("outcome", rs.getString("outcome"));
                    d.put("value", rs.getString("value"));
                    d.put("reason", rs.getString("reason"));
                    timeline.add(d);
                }, email);
        jdbc.query("select id, target, kind, status, attempts, inbound_event_id, payload::text, created_at, last_error "
                + "from outbound_command where record_key = ? order by id", rs -> {
                    Map<String, Object> c = entry("command", rs.getTimestamp("created_at"), rs.getLong("inbound_event_id"));
                    c.put("commandId", rs.getLong("id"));
                    c.put("eventId", rs.getLong("inbound_event_id"));
                    c.put("target", rs.getString("target"));
                    c.put("kind", rs.getString("kind"));
                    c.put("status", rs.getString("status"));
                    c.put("attempts", rs.getInt("attempts"));
                    c.put("command", rs.getString(7));
                    c.put("lastError", rs.getString("last_error"));
                    timeline.add(c);
                }, email);
        jdbc.query("select a.command_id, a.attempt, a.outcome, a.http_status, a.detail, a.at, c.target, "
                + "c.inbound_event_id from command_attempt a join outbound_command c on c.id = a.command_id "
                + "where c.record_key = ? order by a.id", rs -> {
                    Map<String, Object> a = entry("call", rs.getTimestamp("at"), rs.getLong("inbound_event_id"));
                    a.put("commandId", rs.getLong("command_id"));
                    a.put("target", rs.getString("target"));
                    a.put("attempt", rs.getInt("attempt"));
                    a.put("outcome", rs.getString("outcome"));
                    a.put("httpStatus", rs.getObject("http_status"));
                    a.put("detail", rs.getString("detail"));
                    timeline.add(a);
                }, email);
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

    private static final List<String> ORDER = List.of("received", "decision", "command", "call");

    private static Map<String, Object> entry(String type, Timestamp at, long eventId) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("at", iso(at));
        m.put("type", type);
        return m;
    }

    private static String iso(Timestamp t) {
        return t == null ? null : t.toInstant().toString();
    }
}
