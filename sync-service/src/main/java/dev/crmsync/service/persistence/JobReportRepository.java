package dev.crmsync.service.persistence;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What a job changed (or in a dry run would change), per target and field, with a few masked e-mails;
 * and reconcile's drift per person. Written in the chunk's transaction, keyed by job instance, so a
 * restarted run keeps counting where the failed one stopped.
 */
public final class JobReportRepository {
    private static final int SAMPLES = 5;
    private static final int DRIFT_ROWS = 1000;

    private final JdbcTemplate jdbc;

    /** One change: to {@code field} on {@code target} for {@code email}, to {@code value} (null for activities). */
    public record Change(String email, String target, String field, String value) {
    }

    public JobReportRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds one chunk's changes to the counts, and, when {@code drift}, to the per-person drift (bounded). */
    public void add(long jobInstanceId, List<Change> changes, boolean drift) {
        Map<List<String>, List<String>> samples = new LinkedHashMap<>();
        Map<List<String>, Long> counts = new LinkedHashMap<>();
        for (Change c : changes) {
            List<String> key = List.of(c.target(), c.field());
            counts.merge(key, 1L, Long::sum);
            List<String> s = samples.computeIfAbsent(key, k -> new ArrayList<>());
            if (s.size() < SAMPLES && !s.contains(mask(c.email()))) {
                s.add(mask(c.email()));
            }
        }
        List<Object[]> rows = new ArrayList<>();
        counts.forEach((key, count) -> rows.add(new Object[]{jobInstanceId, key.get(0), key.get(1), count,
                samples.get(key).toArray(String[]::new)}));
        jdbc.batchUpdate("insert into backfill_report (job_instance_id, target, field, changes, samples) "
                + "values (?, ?, ?, ?, ?) on conflict (job_instance_id, target, field) do update set "
                + "changes = backfill_report.changes + excluded.changes, samples = (select array_agg(distinct s) from "
                + "(select unnest(backfill_report.samples || excluded.samples) s limit " + SAMPLES + ") x)", rows);
        if (drift && !changes.isEmpty()) {
            Integer kept = jdbc.queryForObject("select count(*) from job_drift where job_instance_id = ?",
                    Integer.class, jobInstanceId);
            List<Object[]> driftRows = changes.stream().limit(Math.max(0, DRIFT_ROWS - (kept == null ? 0 : kept)))
                    .map(c -> new Object[]{jobInstanceId, c.email(), c.target(), c.field(), c.value()}).toList();
            jdbc.batchUpdate("insert into job_drift (job_instance_id, email, target, field, value) values (?, ?, ?, ?, ?) "
                    + "on conflict (job_instance_id, email, target, field) do update set value = excluded.value", driftRows);
        }
    }

    /** The counts per target and field, largest first: {@code target}, {@code field}, {@code changes}, {@code samples}. */
    public List<Map<String, Object>> summary(long jobInstanceId) {
        List<Map<String, Object>> rows = new ArrayList<>();
        jdbc.query("select target, field, changes, samples from backfill_report where job_instance_id = ? "
                + "order by changes desc, target, field", rs -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("target", rs.getString(1));
                    row.put("field", rs.getString(2));
                    row.put("changes", rs.getLong(3));
                    row.put("samples", List.of((String[]) rs.getArray(4).getArray()));
                    rows.add(row);
                }, jobInstanceId);
        return rows;
    }

    /** Reconcile's drift, per person: {@code email}, {@code target}, {@code field}, {@code value}. */
    public List<Map<String, Object>> drift(long jobInstanceId) {
        return jdbc.queryForList("select email, target, field, value from job_drift where job_instance_id = ? "
                + "order by email, target, field", jobInstanceId);
    }

    /** {@code ann@example.com} becomes {@code a***@example.com}: enough to recognise, not to harvest. */
    static String mask(String email) {
        int at = email.indexOf('@');
        return at <= 0 ? "***" : email.charAt(0) + "***" + email.substring(at);
    }
}
