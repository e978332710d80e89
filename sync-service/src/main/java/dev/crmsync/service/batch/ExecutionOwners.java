package dev.crmsync.service.batch;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Which instance runs which job execution. Each instance beats for the executions it runs; an execution
 * Spring Batch still records as running whose owner stopped beating (the instance died) is recovered:
 * marked FAILED with its running steps, so any instance can restart it from its last committed chunk.
 */
public final class ExecutionOwners implements JobExecutionListener, SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(ExecutionOwners.class);

    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(30);

    private final String instanceId = UUID.randomUUID().toString();
    private final JdbcTemplate jdbc;
    private final JobRepository repository;
    private final JobOperator operator;
    private final Duration heartbeat;
    private final Duration timeout;
    private final AtomicInteger runningHere = new AtomicInteger();
    private volatile Thread beater;

    public ExecutionOwners(JdbcTemplate jdbc, JobRepository repository, JobOperator operator, Duration heartbeat,
                           Duration timeout) {
        this.jdbc = jdbc;
        this.repository = repository;
        this.operator = operator;
        this.heartbeat = heartbeat;
        this.timeout = timeout;
    }

    /** Records this instance as the owner of a just-launched execution. */
    void claim(long executionId) {
        jdbc.update("insert into batch_execution_owner (job_execution_id, instance_id) values (?, ?) "
                + "on conflict (job_execution_id) do update set instance_id = excluded.instance_id, heartbeat_at = now()",
                executionId, instanceId);
    }

    @Override
    public void beforeJob(JobExecution execution) {
        runningHere.incrementAndGet();
        claim(execution.getId());
    }

    @Override
    public void afterJob(JobExecution execution) {
        runningHere.decrementAndGet();
        jdbc.update("delete from batch_execution_owner where job_execution_id = ?", execution.getId());
    }

    /** True while an instance is still running this execution (it has not finished, nor gone silent). */
    boolean isOwned(long executionId) {
        Integer owned = jdbc.queryForObject("select count(*) from batch_execution_owner where job_execution_id = ?",
                Integer.class, executionId);
        return owned != null && owned > 0;
    }

    /** Executions running in this instance, for the {@code sync_backfill_running} gauge. */
    public int runningHere() {
        return runningHere.get();
    }

    /** Marks FAILED every execution recorded as running whose owner stopped beating; returns their ids. */
    public List<Long> recoverAbandoned() {
        List<Long> stale = jdbc.queryForList("select o.job_execution_id from batch_execution_owner o "
                + "join batch_job_execution e on e.job_execution_id = o.job_execution_id "
                + "where o.heartbeat_at < now() - ?::interval and e.status in ('STARTING', 'STARTED', 'STOPPING')",
                Long.class, timeout.toMillis() + " milliseconds");
        for (Long id : stale) {
            try {
                JobExecution execution = repository.getJobExecution(id);
                if (execution != null) {
                    operator.recover(execution);
                    log.warn("Job execution {} ({}) lost its instance; marked {} so it can be restarted", id,
                            execution.getJobInstance().getJobName(), repository.getJobExecution(id).getStatus());
                }
                jdbc.update("delete from batch_execution_owner where job_execution_id = ?", id);
            } catch (RuntimeException e) {
                // Another instance may be recovering the same execution at this moment; one of us wins.
                log.debug("Recovering job execution {} failed (another instance may have done it): {}", id,
                        e.toString());
            }
        }
        return stale;
    }

    private void beat() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                jdbc.update("update batch_execution_owner set heartbeat_at = now() where instance_id = ?", instanceId);
                recoverAbandoned();
            } catch (RuntimeException e) {
                log.warn("Job heartbeat failed; retrying: {}", e.toString());
            }
            try {
                Thread.sleep(heartbeat.toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Override
    public void start() {
        Thread t = new Thread(this::beat, "batch-heartbeat");
        t.setDaemon(true);
        t.start();
        beater = t;
    }

    /**
     * On shut-down, asks the executions running here to stop after their current chunk and waits (up to
     * 30 s) until they have: they end STOPPED, restartable on any instance. Only then does
     * this instance stop beating.
     */
    @Override
    public void stop() {
        List<Long> mine = jdbc.queryForList("select job_execution_id from batch_execution_owner where instance_id = ?",
                Long.class, instanceId);
        for (Long id : mine) {
            try {
                JobExecution execution = repository.getJobExecution(id);
                if (execution != null && execution.isRunning()) {
                    execution.setStatus(BatchStatus.STOPPING);
                    repository.update(execution);
                    log.info("Shutting down: job execution {} asked to stop after its current chunk", id);
                }
            } catch (RuntimeException e) {
                log.warn("Shutting down: could not ask job execution {} to stop: {}", id, e.toString());
            }
        }
        long deadline = System.nanoTime() + SHUTDOWN_WAIT.toNanos();
        while (runningHere.get() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        Thread t = beater;
        beater = null;
        if (t != null) {
            t.interrupt();
        }
    }

    /** Stops before the database and the workers go away. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }

    @Override
    public boolean isRunning() {
        return beater != null;
    }
}
