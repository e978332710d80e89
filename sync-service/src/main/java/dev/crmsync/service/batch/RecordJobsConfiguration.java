package dev.crmsync.service.batch;

import dev.crmsync.core.spi.RecordSource;
import dev.crmsync.service.persistence.JobReportRepository;
import dev.crmsync.service.worker.EventPlanning;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Predicate;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The three jobs that read systems' records and plan them like live events: {@code instantly-to-crm}
 * ({@code leadBackfillJob}), {@code crm-to-instantly} ({@code crmStatusBackfillJob}) and {@code reconcile}
 * ({@code reconcileJob}). One chunk is two pages of records, planned and written in one
 * transaction with the reader's position.
 */
@Configuration(proxyBeanMethods = false)
class RecordJobsConfiguration {
    static final int CHUNK = 200;

    @Bean(name = JobNames.INSTANTLY_TO_CRM)
    Job leadBackfillJob(JobRepository repository, Step leadBackfillStep, ExecutionOwners owners) {
        return new JobBuilder(JobNames.INSTANTLY_TO_CRM, repository).listener(owners).start(leadBackfillStep).build();
    }

    @Bean(name = JobNames.CRM_TO_INSTANTLY)
    Job crmStatusBackfillJob(JobRepository repository, Step crmStatusBackfillStep, ExecutionOwners owners) {
        return new JobBuilder(JobNames.CRM_TO_INSTANTLY, repository).listener(owners).start(crmStatusBackfillStep)
                .build();
    }

    @Bean(name = JobNames.RECONCILE)
    Job reconcileJob(JobRepository repository, Step reconcileStep, ExecutionOwners owners) {
        return new JobBuilder(JobNames.RECONCILE, repository).listener(owners).start(reconcileStep).build();
    }

    @Bean
    Step leadBackfillStep(JobRepository repository, PlatformTransactionManager transactions,
                          RecordSourceReader snapshotReader, PlanningWriter snapshotWriter) {
        return step("leadBackfillStep", repository, transactions, snapshotReader, snapshotWriter);
    }

    @Bean
    Step crmStatusBackfillStep(JobRepository repository, PlatformTransactionManager transactions,
                               RecordSourceReader snapshotReader, PlanningWriter snapshotWriter) {
        return step("crmStatusBackfillStep", repository, transactions, snapshotReader, snapshotWriter);
    }

    @Bean
    Step reconcileStep(JobRepository repository, PlatformTransactionManager transactions,
                       RecordSourceReader snapshotReader, PlanningWriter snapshotWriter) {
        return step("reconcileStep", repository, transactions, snapshotReader, snapshotWriter);
    }

    private static Step step(String name, JobRepository repository, PlatformTransactionManager transactions,
                             RecordSourceReader reader, PlanningWriter writer) {
        return new StepBuilder(name, repository).<SourcedRecord, SourcedRecord>chunk(CHUNK)
                .transactionManager(transactions).reader(reader).writer(writer).build();
    }

    /** The reader of whichever record job runs: its sources, query and people follow from the job and its parameters. */
    @Bean
    @StepScope
    RecordSourceReader snapshotReader(@Value("#{stepExecution}") StepExecution step, JobPreconditions scope,
                                      JdbcTemplate jdbc) {
        String job = step.getJobExecution().getJobInstance().getJobName();
        JobRequest request = JobRequest.fromJobParameters(step.getJobExecution().getJobParameters());
        RecordSource.Query query = new RecordSource.Query(
                JobNames.INSTANTLY_TO_CRM.equals(job) ? null : request.since(),
                JobNames.INSTANTLY_TO_CRM.equals(job) ? request.campaignIds() : java.util.List.of(), CHUNK);
        return new RecordSourceReader(scope.sources(job), query, people(job, request, jdbc));
    }

    @Bean
    @StepScope
    PlanningWriter snapshotWriter(@Value("#{stepExecution}") StepExecution step, JobPreconditions scope,
                                  JdbcTemplate jdbc, EventPlanning planning, JobReportRepository report,
                                  MeterRegistry meters) {
        String job = step.getJobExecution().getJobInstance().getJobName();
        JobRequest request = JobRequest.fromJobParameters(step.getJobExecution().getJobParameters());
        boolean reconcile = JobNames.RECONCILE.equals(job);
        PlanningWriter.Mode mode = request.dryRun() ? PlanningWriter.Mode.DRY_RUN
                : reconcile ? PlanningWriter.Mode.APPLY_ALL : PlanningWriter.Mode.APPLY;
        return new PlanningWriter(jdbc, planning, report, scope.targets(job, request), mode, reconcile,
                step.getJobExecution().getJobInstance().getInstanceId(), meters, job);
    }

    /** Reconcile covers the people asked for, or everyone with a linked identity; the backfills cover everyone. */
    private static Predicate<String> people(String job, JobRequest request, JdbcTemplate jdbc) {
        if (!JobNames.RECONCILE.equals(job)) {
            return email -> true;
        }
        Set<String> emails = new HashSet<>(request.emails());
        if (emails.isEmpty()) {
            emails.addAll(jdbc.queryForList("select distinct email from identity_link", String.class));
        }
        return emails::contains;
    }
}
