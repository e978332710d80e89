package dev.crmsync.service.batch;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.dao.EmptyResultDataAccessException;

/**
 * Starts, stops, restarts and looks up job executions, for the admin API and the command line. A job
 * runs once across instances: starting takes a PostgreSQL advisory lock on the job's name, recovers
 * executions whose instance died, and refuses while another execution of the job is running.
 */
public final class BackfillJobs {
    private final JobOperator operator;
    private final JobRepository repository;
    private final Map<String, Job> jobs;
    private final DataSource dataSource;
    private final ExecutionOwners owners;
    private final JobPreconditions preconditions;
    private final AtomicLong lastRequestId = new AtomicLong();

    /** Refused because an execution of the job is running already (here or on another instance). */
    public static final class AlreadyRunningException extends RuntimeException {
        private final long executionId;

        AlreadyRunningException(String jobName, long executionId) {
            super("job '" + jobName + "' is already running as execution " + executionId);
            this.executionId = executionId;
        }

        public long executionId() {
            return executionId;
        }
    }

    public BackfillJobs(JobOperator operator, JobRepository repository, Map<String, Job> jobs, DataSource dataSource,
                        ExecutionOwners owners, JobPreconditions preconditions) {
        this.operator = operator;
        this.repository = repository;
        this.jobs = Map.copyOf(jobs);
        this.dataSource = dataSource;
        this.owners = owners;
        this.preconditions = preconditions;
    }

    public boolean exists(String jobName) {
        return jobs.containsKey(jobName);
    }

    /**
     * Launches the job asynchronously; returns the new execution's id.
     *
     * @throws IllegalArgumentException when the job is unknown or cannot run with this configuration
     * @throws AlreadyRunningException  when an execution of the job is running
     */
    public long start(String jobName, JobRequest request) {
        Job job = jobs.get(jobName);
        if (job == null) {
            throw new IllegalArgumentException("no job named '" + jobName + "'; jobs: " + JobNames.ALL);
        }
        preconditions.check(jobName, request);
        return underJobLock(jobName, () -> {
            refuseWhileRunning(jobName);
            JobParameters parameters = request.toJobParameters(nextRequestId());
            JobExecution execution = operator.start(job, parameters);
            owners.claim(execution.getId());
            return execution.getId();
        });
    }

    /**
     * Restarts a FAILED or STOPPED execution (an abandoned one is recovered first) from its last
     * committed chunk; returns the new execution's id.
     */
    public long restart(long executionId) {
        JobExecution old = execution(executionId).orElseThrow(() -> new IllegalArgumentException(
                "no job execution " + executionId));
        String jobName = old.getJobInstance().getJobName();
        return underJobLock(jobName, () -> {
            refuseWhileRunning(jobName);
            if (owners.isOwned(executionId)) {
                throw new AlreadyRunningException(jobName, executionId);
            }
            JobExecution failed = repository.getJobExecution(executionId);
            if (failed.getStatus() == BatchStatus.COMPLETED) {
                throw new IllegalStateException("execution " + executionId + " completed; start a new run instead");
            }
            // Running the job again with the failed instance's parameters continues that instance.
            JobExecution next = operator.start(jobs.get(jobName), failed.getJobParameters());
            owners.claim(next.getId());
            return next.getId();
        });
    }

    /**
     * Asks a running execution to stop after its current chunk, whichever instance runs it: its status
     * becomes STOPPING in the job repository, which the running step checks at each chunk; it ends
     * STOPPED once that chunk committed. False when it is not running.
     */
    public boolean stop(long executionId) {
        Optional<JobExecution> found = find(executionId);
        if (found.isEmpty() || !found.get().isRunning() || found.get().getStatus() == BatchStatus.STOPPING) {
            return false;
        }
        JobExecution execution = found.get();
        execution.setStatus(BatchStatus.STOPPING);
        repository.update(execution);
        return true;
    }

    public Optional<JobExecution> execution(long executionId) {
        owners.recoverAbandoned();
        return find(executionId);
    }

    private Optional<JobExecution> find(long executionId) {
        try {
            return Optional.ofNullable(repository.getJobExecution(executionId));
        } catch (EmptyResultDataAccessException e) {
            return Optional.empty();
        }
    }

    /** The newest executions of every job, newest first. */
    public List<JobExecution> recent(int limit) {
        owners.recoverAbandoned();
        List<JobExecution> all = new ArrayList<>();
        for (String name : jobs.keySet()) {
            for (JobInstance instance : repository.getJobInstances(name, 0, limit)) {
                all.addAll(repository.getJobExecutions(instance));
            }
        }
        all.sort(Comparator.comparingLong(JobExecution::getId).reversed());
        return all.subList(0, Math.min(limit, all.size()));
    }

    private void refuseWhileRunning(String jobName) {
        owners.recoverAbandoned();
        repository.findRunningJobExecutions(jobName).stream().map(JobExecution::getId).min(Long::compare)
                .ifPresent(id -> {
                    throw new AlreadyRunningException(jobName, id);
                });
    }

    private long nextRequestId() {
        // Unique per request, so each start is its own job instance; restarts reuse the failed instance.
        return lastRequestId.accumulateAndGet(System.currentTimeMillis() * 1000, (last, now) -> Math.max(last + 1, now));
    }

    private interface Launch {
        long run() throws Exception;
    }

    /** Runs {@code launch} holding a session advisory lock on the job's name, so two instances cannot both launch. */
    private long underJobLock(String jobName, Launch launch) {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement lock = c.prepareStatement("select pg_advisory_lock(hashtextextended(?, 2))")) {
                lock.setString(1, "batch:" + jobName);
                lock.execute();
            }
            try {
                return launch.run();
            } finally {
                try (PreparedStatement unlock = c.prepareStatement("select pg_advisory_unlock(hashtextextended(?, 2))")) {
                    unlock.setString(1, "batch:" + jobName);
                    unlock.execute();
                }
            }
        } catch (RuntimeException e) {
            throw e;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot take the launch lock of job '" + jobName + "': " + e.getMessage(), e);
        } catch (Exception e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new IllegalStateException("job '" + jobName + "' could not be launched: " + e.getMessage()
                    + (cause == e ? "" : " (" + cause + ")"), e);
        }
    }
}
