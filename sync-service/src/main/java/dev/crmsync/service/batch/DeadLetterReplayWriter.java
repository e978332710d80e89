package dev.crmsync.service.batch;

import dev.crmsync.service.persistence.DeadLetterRepository;
import dev.crmsync.service.persistence.JobReportRepository;
import java.util.ArrayList;
import java.util.List;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Puts a chunk of dead letters back in the outbox through {@link DeadLetterRepository#replay(List)} (which
 * drops fields that moved on since), in the chunk's transaction; a dry run only reports them, per target
 * and error kind.
 */
public class DeadLetterReplayWriter implements ItemWriter<Long> {
    private final DeadLetterRepository deadLetters;
    private final JobReportRepository report;
    private final JdbcTemplate jdbc;
    private final boolean dryRun;
    private final long jobInstanceId;

    public DeadLetterReplayWriter(DeadLetterRepository deadLetters, JobReportRepository report, JdbcTemplate jdbc,
                                  boolean dryRun, long jobInstanceId) {
        this.deadLetters = deadLetters;
        this.report = report;
        this.jdbc = jdbc;
        this.dryRun = dryRun;
        this.jobInstanceId = jobInstanceId;
    }

    @Override
    public void write(Chunk<? extends Long> chunk) {
        List<Long> ids = new ArrayList<>(chunk.getItems());
        List<JobReportRepository.Change> changes = jdbc.query("select record_key, target, error_kind from dead_letter "
                        + "where id = any(?) and replayed_at is null",
                (rs, i) -> new JobReportRepository.Change(rs.getString(1), rs.getString(2),
                        "(replay " + rs.getString(3) + ")", null),
                (Object) ids.toArray(Long[]::new));
        if (!dryRun) {
            deadLetters.replay(ids);
        }
        report.add(jobInstanceId, changes, false);
    }
}
