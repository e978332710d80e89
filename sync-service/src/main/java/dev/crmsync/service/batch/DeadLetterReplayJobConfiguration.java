package dev.crmsync.service.batch;

import dev.crmsync.service.persistence.DeadLetterRepository;
import dev.crmsync.service.persistence.JobReportRepository;
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

/** {@code dead-letter-replay} ({@code deadLetterReplayJob}): open dead letters filtered by target, error kind and time. */
@Configuration(proxyBeanMethods = false)
class DeadLetterReplayJobConfiguration {

    @Bean(name = JobNames.DEAD_LETTER_REPLAY)
    Job deadLetterReplayJob(JobRepository repository, Step deadLetterReplayStep, ExecutionOwners owners) {
        return new JobBuilder(JobNames.DEAD_LETTER_REPLAY, repository).listener(owners).start(deadLetterReplayStep)
                .build();
    }

    @Bean
    Step deadLetterReplayStep(JobRepository repository, PlatformTransactionManager transactions,
                              DeadLetterReader deadLetterReader, DeadLetterReplayWriter deadLetterReplayWriter) {
        return new StepBuilder("deadLetterReplayStep", repository).<Long, Long>chunk(RecordJobsConfiguration.CHUNK)
                .transactionManager(transactions).reader(deadLetterReader).writer(deadLetterReplayWriter).build();
    }

    @Bean
    @StepScope
    DeadLetterReader deadLetterReader(@Value("#{stepExecution}") StepExecution step, DeadLetterRepository deadLetters) {
        JobRequest request = JobRequest.fromJobParameters(step.getJobExecution().getJobParameters());
        return new DeadLetterReader(deadLetters, new DeadLetterRepository.Filter(request.target(), request.errorKind(),
                request.since(), request.until(), false));
    }

    @Bean
    @StepScope
    DeadLetterReplayWriter deadLetterReplayWriter(@Value("#{stepExecution}") StepExecution step,
                                                  DeadLetterRepository deadLetters, JobReportRepository report,
                                                  JdbcTemplate jdbc) {
        JobRequest request = JobRequest.fromJobParameters(step.getJobExecution().getJobParameters());
        return new DeadLetterReplayWriter(deadLetters, report, jdbc, request.dryRun(),
                step.getJobExecution().getJobInstance().getInstanceId());
    }
}
