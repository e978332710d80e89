package dev.crmsync.service.batch;

import dev.crmsync.service.persistence.CommandCodec;
import dev.crmsync.service.persistence.JobReportRepository;
import dev.crmsync.service.persistence.LinkedIdentityLookup;
import dev.crmsync.service.worker.EventPlanning;
import dev.crmsync.service.wiring.ConnectedSystems;
import dev.crmsync.service.wiring.MappingHolder;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.batch.autoconfigure.BatchTaskExecutor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.core.task.TaskExecutor;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Spring Batch as Boot configures it (JDBC job repository in the service's database, tables from
 * Flyway V7, no job run at start-up), plus what the jobs share: an asynchronous launcher, the owner
 * heartbeat, the planning step, and the report.
 */
@Configuration(proxyBeanMethods = false)
class BatchConfiguration {

    /** Jobs run on their own threads, so a launch answers at once with the execution id. */
    @Bean
    @BatchTaskExecutor
    TaskExecutor batchTaskExecutor() {
        SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("batch-");
        executor.setConcurrencyLimit(4);
        return executor;
    }

    @Bean
    EventPlanning eventPlanning(JdbcTemplate jdbc, ConnectedSystems systems, MappingHolder mapping,
                                CommandCodec codec) {
        return new EventPlanning(jdbc, systems, mapping::current, codec,
                new LinkedIdentityLookup(jdbc, systems.identityResolvers()));
    }

    @Bean
    JobReportRepository jobReportRepository(JdbcTemplate jdbc) {
        return new JobReportRepository(jdbc);
    }

    @Bean
    JobPreconditions jobPreconditions(ConnectedSystems systems) {
        return new JobPreconditions(systems);
    }

    @Bean
    ExecutionOwners executionOwners(JdbcTemplate jdbc, JobRepository repository, JobOperator operator,
                                    @Value("${sync.batch.heartbeat:5s}") Duration heartbeat,
                                    @Value("${sync.batch.owner-timeout:30s}") Duration timeout, MeterRegistry meters) {
        ExecutionOwners owners = new ExecutionOwners(jdbc, repository, operator, heartbeat, timeout);
        Gauge.builder("sync_backfill_running", owners, ExecutionOwners::runningHere)
                .description("Job executions running in this instance").register(meters);
        return owners;
    }

    @Bean
    BackfillJobs backfillJobs(JobOperator operator, JobRepository repository, Map<String, Job> jobs,
                              DataSource dataSource, ExecutionOwners owners, JobPreconditions preconditions) {
        return new BackfillJobs(operator, repository, jobs, dataSource, owners, preconditions);
    }

    @Bean
    ExecutionView executionView(JobReportRepository report) {
        return new ExecutionView(report);
    }
}
