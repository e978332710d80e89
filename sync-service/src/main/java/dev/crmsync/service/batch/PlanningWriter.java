package dev.crmsync.service.batch;

import dev.crmsync.core.model.Command;
import dev.crmsync.core.model.SystemId;
import dev.crmsync.core.spi.ParsedEvent;
import dev.crmsync.service.persistence.JobReportRepository;
import dev.crmsync.service.persistence.OutboxWriter;
import dev.crmsync.service.worker.EventPlanning;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Plans a chunk of snapshot records as live events are planned ({@link EventPlanning}), in the chunk's
 * transaction. Applying, each record is stored as an inbound event under its dedup key first: a record
 * already stored (an earlier run, or the part of a killed run that committed) is passed by, so nothing
 * is sent twice; the rest are planned and their commands written to the outbox as backfill commands.
 * In a dry run nothing is stored: the records are planned against the current field state and only the
 * report counts what would be written. Either way the report gets every command's target and fields.
 */
public class PlanningWriter implements ItemWriter<SourcedRecord> {
    private static final Logger log = LoggerFactory.getLogger(PlanningWriter.class);

    /** How the writer treats its records. */
    public enum Mode {
        /** Store, plan and write commands; records already stored are passed by. */
        APPLY,
        /** Store, plan and write commands, also for records already stored (reconcile with fix). */
        APPLY_ALL,
        /** Plan only; report what would be written. */
        DRY_RUN
    }

    private final JdbcTemplate jdbc;
    private final EventPlanning planning;
    private final JobReportRepository report;
    private final Set<SystemId> targets;
    private final Mode mode;
    private final boolean drift;
    private final long jobInstanceId;
    private final MeterRegistry meters;
    private final String jobName;

    public PlanningWriter(JdbcTemplate jdbc, EventPlanning planning, JobReportRepository report, Set<SystemId> targets,
                          Mode mode, boolean drift, long jobInstanceId, MeterRegistry meters, String jobName) {
        this.jdbc = jdbc;
        this.planning = planning;
        this.report = report;
        this.targets = Set.copyOf(targets);
        this.mode = mode;
        this.drift = drift;
        this.jobInstanceId = jobInstanceId;
        this.meters = meters;
        this.jobName = jobName;
    }

    @Override
    public void write(Chunk<? extends SourcedRecord> chunk) {
        List<? extends SourcedRecord> records = chunk.getItems();
        Map<String, Long> ids = mode == Mode.DRY_RUN ? Map.of() : store(records);
        List<EventPlanning.Translated> translated = new ArrayList<>(records.size());
        for (SourcedRecord record : records) {
            Long id = mode == Mode.DRY_RUN ? Long.valueOf(0L) : ids.get(key(record.system(), record.event().dedupKey()));
            if (id != null) {
                ParsedEvent e = record.event();
                translated.add(planning.translate(new EventPlanning.Event(id, record.system(), e.eventType(), e.email(),
                        e.payload(), 0)));
            }
        }
        EventPlanning.Round round = planning.begin(translated, OutboxWriter.BACKFILL, targets);
        List<JobReportRepository.Change> changes = new ArrayList<>();
        for (EventPlanning.Translated t : translated) {
            try {
                for (Command c : round.plan(t)) {
                    changes.addAll(changesOf(c));
                }
            } catch (RuntimeException e) {
                // One bad record does not stop the backfill; it is stored and visible in its trace.
                log.warn("Backfill record {} of {} could not be planned: {}", t.event().id(), t.event().source(),
                        e.toString());
                changes.add(new JobReportRepository.Change(t.event().email(), t.event().source(), "(not planned)", null));
            }
        }
        if (mode != Mode.DRY_RUN) {
            round.flush();
        }
        report.add(jobInstanceId, changes, drift);
        meters.counter("sync_backfill_records_total", "job", jobName, "outcome", "planned").increment(translated.size());
        meters.counter("sync_backfill_records_total", "job", jobName, "outcome", "already-synced")
                .increment(records.size() - translated.size());
        meters.counter("sync_backfill_commands_total", "job", jobName, "dry_run", Boolean.toString(mode == Mode.DRY_RUN))
                .increment(changes.size());
    }

    /**
     * Stores the records as inbound events in one statement; returns the ids of those to plan, by
     * {@link #key}: the newly stored ones, and in {@link Mode#APPLY_ALL} the ones stored before too.
     */
    private Map<String, Long> store(List<? extends SourcedRecord> records) {
        Map<String, Long> ids = new HashMap<>();
        jdbc.execute((ConnectionCallback<Void>) c -> {
            int n = records.size();
            String[] sources = new String[n];
            String[] keys = new String[n];
            String[] types = new String[n];
            String[] emails = new String[n];
            Timestamp[] times = new Timestamp[n];
            byte[][] payloads = new byte[n][];
            for (int i = 0; i < n; i++) {
                ParsedEvent e = records.get(i).event();
                sources[i] = records.get(i).system();
                keys[i] = e.dedupKey();
                types[i] = e.eventType();
                emails[i] = e.email();
                times[i] = e.occurredAt() == null ? null : Timestamp.from(e.occurredAt());
                payloads[i] = e.payload();
            }
            try (PreparedStatement insert = c.prepareStatement("insert into inbound_event (source, dedup_key, "
                    + "event_type, email, occurred_at, auth_method, payload) select s, k, t, e, o, 'backfill', p "
                    + "from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::timestamptz[], ?::bytea[]) "
                    + "as u(s, k, t, e, o, p) on conflict (source, dedup_key) do nothing returning id, source, dedup_key")) {
                insert.setArray(1, c.createArrayOf("text", sources));
                insert.setArray(2, c.createArrayOf("text", keys));
                insert.setArray(3, c.createArrayOf("text", types));
                insert.setArray(4, c.createArrayOf("text", emails));
                insert.setArray(5, c.createArrayOf("timestamptz", times));
                insert.setArray(6, c.createArrayOf("bytea", payloads));
                collect(insert, ids);
            }
            if (mode == Mode.APPLY_ALL && ids.size() < n) {
                try (PreparedStatement known = c.prepareStatement("select id, source, dedup_key from inbound_event "
                        + "where (source, dedup_key) in (select * from unnest(?::text[], ?::text[]))")) {
                    known.setArray(1, c.createArrayOf("text", sources));
                    known.setArray(2, c.createArrayOf("text", keys));
                    collect(known, ids);
                }
            }
            return null;
        });
        return ids;
    }

    private static void collect(PreparedStatement statement, Map<String, Long> ids) throws SQLException {
        try (ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                ids.putIfAbsent(key(rs.getString(2), rs.getString(3)), rs.getLong(1));
            }
        }
    }

    private static String key(String source, String dedupKey) {
        return source + "\n" + dedupKey;
    }

    private static List<JobReportRepository.Change> changesOf(Command c) {
        String email = c.who().email();
        String target = c.target().value();
        if (c instanceof Command.Upsert upsert) {
            return upsert.fields().entrySet().stream()
                    .map(f -> new JobReportRepository.Change(email, target, f.getKey(), f.getValue())).toList();
        }
        return List.of(new JobReportRepository.Change(email, target, "(" + c.kind() + ")", null));
    }
}
