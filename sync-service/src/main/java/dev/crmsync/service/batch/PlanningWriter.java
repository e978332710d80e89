package dev.crmsync.service.batch;

import dev.crmsync.core.model.Command;
import dev.crmsync.core.model.SystemId;
import dev.crmsync.core.spi.ParsedEvent;
import dev.crmsync.service.persistence.JobReportRepository;
import dev.crmsync.service.persistence.OutboxWriter;
import dev.crmsync.service.worker.EventPlanning;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
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
        List<EventPlanning.Translated> translated = new ArrayList<>(chunk.size());
        for (SourcedRecord record : chunk.getItems()) {
            Long id = mode == Mode.DRY_RUN ? Long.valueOf(0L) : store(record);
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
                .increment(chunk.size() - translated.size());
        meters.counter("sync_backfill_commands_total", "job", jobName, "dry_run", Boolean.toString(mode == Mode.DRY_RUN))
                .increment(changes.size());
    }

    /** Stores the record as an inbound event; returns its id, or null when it was stored before (and not replanned). */
    private Long store(SourcedRecord record) {
        ParsedEvent e = record.event();
        List<Long> ids = jdbc.queryForList("insert into inbound_event (source, dedup_key, event_type, email, occurred_at, "
                        + "auth_method, payload) values (?, ?, ?, ?, ?, 'backfill', ?) on conflict (source, dedup_key) "
                        + "do nothing returning id", Long.class, record.system(), e.dedupKey(), e.eventType(), e.email(),
                e.occurredAt() == null ? null : Timestamp.from(e.occurredAt()), e.payload());
        if (!ids.isEmpty()) {
            return ids.get(0);
        }
        return mode == Mode.APPLY_ALL ? jdbc.queryForObject("select id from inbound_event where source = ? "
                + "and dedup_key = ?", Long.class, record.system(), e.dedupKey()) : null;
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
