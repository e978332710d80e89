package dev.crmsync.service.persistence;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What happened in the last minutes, across every instance sharing the database: events received per
 * source and minute, and outbound attempts per target by the target's answer. Read by the dashboard.
 */
public final class RecentActivity {
    /** Attempt buckets, in the order the dashboard shows them. */
    public static final List<String> ANSWERS = List.of("2xx", "207", "429", "4xx", "5xx", "no-answer");

    private final JdbcTemplate jdbc;

    public RecentActivity(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Counts per source and minute.
     *
     * @param minutes   the start of each minute, oldest first
     * @param perSource per source, one count per minute in the same order
     */
    public record PerMinute(List<Instant> minutes, Map<String, long[]> perSource) {
    }

    /** Events received per source in each of the last {@code minutes} whole minutes (the current one last), zeros included. */
    public PerMinute receivedPerMinute(Instant now, int minutes) {
        Instant first = now.truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(minutes - 1L));
        List<Instant> starts = new ArrayList<>(minutes);
        for (int i = 0; i < minutes; i++) {
            starts.add(first.plus(Duration.ofMinutes(i)));
        }
        Map<String, long[]> perSource = new TreeMap<>();
        jdbc.query("select source, date_trunc('minute', received_at) as minute, count(*) from inbound_event "
                + "where received_at >= ? group by 1, 2", rs -> {
            int slot = (int) Duration.between(first, rs.getTimestamp(2).toInstant()).toMinutes();
            if (slot >= 0 && slot < minutes) {
                perSource.computeIfAbsent(rs.getString(1), s -> new long[minutes])[slot] = rs.getLong(3);
            }
        }, Timestamp.from(first));
        return new PerMinute(starts, perSource);
    }

    /**
     * Outbound attempts since {@code since} per target and answer: the HTTP status class ({@code 207} is a
     * batch with some inputs refused), or {@code no-answer} (timeout, connection failure).
     */
    public Map<String, Map<String, Long>> attemptsByAnswer(Instant since) {
        Map<String, Map<String, Long>> perTarget = new TreeMap<>();
        jdbc.query("select c.target, case when a.http_status is null then 'no-answer' "
                + "when a.http_status in (207, 429) then a.http_status::text "
                + "else (a.http_status / 100)::text || 'xx' end as answer, count(*) "
                + "from command_attempt a join outbound_command c on c.id = a.command_id "
                + "where a.at >= ? and not (a.http_status is null and a.outcome = 'written') group by 1, 2", rs -> {
            perTarget.computeIfAbsent(rs.getString(1), t -> new TreeMap<>()).put(rs.getString(2), rs.getLong(3));
        }, Timestamp.from(since));
        return perTarget;
    }
}
