package dev.crmsync.service.batch;

import dev.crmsync.service.persistence.JobReportRepository;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;

/**
 * One job execution as the admin API shows it: status, counts from its steps, rate and (when the
 * reader knows its total) the estimated time left, its parameters and its report.
 */
public final class ExecutionView {
    private final JobReportRepository report;

    public ExecutionView(JobReportRepository report) {
        this.report = report;
    }

    public Map<String, Object> describe(JobExecution e) {
        long read = 0;
        long written = 0;
        long skipped = 0;
        long filtered = 0;
        long total = -1;
        for (StepExecution step : e.getStepExecutions()) {
            read += step.getReadCount();
            written += step.getWriteCount();
            skipped += step.getSkipCount();
            filtered += step.getFilterCount();
            if (step.getExecutionContext().containsKey(DeadLetterReader.TOTAL)) {
                total = step.getExecutionContext().getLong(DeadLetterReader.TOTAL);
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("executionId", e.getId());
        out.put("jobName", e.getJobInstance().getJobName());
        out.put("status", e.getStatus().name());
        out.put("exitCode", e.getExitStatus().getExitCode());
        String exitMessage = e.getExitStatus().getExitDescription();
        if (exitMessage != null && !exitMessage.isBlank()) {
            out.put("exitMessage", exitMessage.length() > 500 ? exitMessage.substring(0, 500) + "..." : exitMessage);
        }
        out.put("startTime", iso(e.getStartTime()));
        out.put("endTime", iso(e.getEndTime()));
        JobRequest request = JobRequest.fromJobParameters(e.getJobParameters());
        out.put("parameters", request.describe());
        out.put("readCount", read);
        out.put("writeCount", written);
        out.put("skipCount", skipped);
        out.put("filterCount", filtered);
        double seconds = elapsedSeconds(e);
        double rate = seconds > 0 ? read / seconds : 0;
        out.put("ratePerSecond", Math.round(rate * 10) / 10.0);
        if (total >= 0) {
            out.put("total", total);
            if (e.getEndTime() == null && rate > 0) {
                out.put("etaSeconds", Math.max(0, Math.round((total - read) / rate)));
            }
        }
        long instance = e.getJobInstance().getInstanceId();
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("dryRun", request.dryRun());
        changes.put("changes", report.summary(instance));
        if (JobNames.RECONCILE.equals(e.getJobInstance().getJobName())) {
            changes.put("drift", report.drift(instance));
        }
        out.put("report", changes);
        return out;
    }

    private static double elapsedSeconds(JobExecution e) {
        if (e.getStartTime() == null) {
            return 0;
        }
        LocalDateTime end = e.getEndTime() != null ? e.getEndTime() : LocalDateTime.now();
        return Duration.between(e.getStartTime(), end).toMillis() / 1000.0;
    }

    private static String iso(LocalDateTime time) {
        return time == null ? null : time.atZone(ZoneId.systemDefault()).toInstant().toString();
    }
}
