package dev.crmsync.service.web;

import dev.crmsync.service.batch.BackfillJobs;
import dev.crmsync.service.batch.ExecutionView;
import dev.crmsync.service.batch.JobNames;
import dev.crmsync.service.batch.JobRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The jobs of the admin API (shapes in {@code docs/openapi.yaml}): {@code POST /admin/jobs/{name}} starts
 * one (202 with its execution id); {@code GET /admin/jobs/executions[/{id}]} shows progress;
 * {@code POST /admin/jobs/executions/{id}/stop} and {@code /restart} stop and resume one.
 */
@RestController
class JobController {
    private static final Logger log = LoggerFactory.getLogger(JobController.class);
    private final BackfillJobs jobs;
    private final ExecutionView view;

    JobController(BackfillJobs jobs, ExecutionView view) {
        this.jobs = jobs;
        this.view = view;
    }

    /** The admin API's OpenAPI description ({@code docs/openapi.yaml}). */
    @GetMapping(value = "/admin/openapi.yaml", produces = "application/yaml")
    ResponseEntity<byte[]> openApi() throws IOException {
        try (InputStream in = JobController.class.getResourceAsStream("/openapi/openapi.yaml")) {
            return in == null ? ResponseEntity.notFound().build() : ResponseEntity.ok(in.readAllBytes());
        }
    }

    @GetMapping("/admin/jobs")
    Map<String, Object> names() {
        return Map.of("jobs", JobNames.ALL);
    }

    @PostMapping("/admin/jobs/{name}")
    ResponseEntity<Map<String, Object>> start(@PathVariable("name") String name,
                                              @RequestBody(required = false) Map<String, Object> parameters) {
        if (!jobs.exists(name)) {
            return ErrorBody.of(HttpStatus.NOT_FOUND, "no_such_job", "no job named '" + name + "'; jobs: " + JobNames.ALL);
        }
        try {
            JobRequest request = JobRequest.fromJson(name, parameters == null ? Map.of() : parameters);
            return ResponseEntity.accepted().body(Map.of("executionId", jobs.start(name, request)));
        } catch (IllegalArgumentException e) {
            return ErrorBody.of(HttpStatus.BAD_REQUEST, "bad_parameters", e.getMessage());
        } catch (BackfillJobs.AlreadyRunningException e) {
            return alreadyRunning(e);
        }
    }

    @GetMapping("/admin/jobs/executions")
    Map<String, Object> list(@RequestParam(name = "limit", defaultValue = "20") int limit) {
        List<Map<String, Object>> executions = jobs.recent(Math.min(Math.max(limit, 1), 200)).stream()
                .map(view::describe).toList();
        return Map.of("executions", executions);
    }

    @GetMapping("/admin/jobs/executions/{id}")
    ResponseEntity<Map<String, Object>> get(@PathVariable("id") long id) {
        return jobs.execution(id).map(e -> ResponseEntity.ok(view.describe(e)))
                .orElseGet(() -> ErrorBody.of(HttpStatus.NOT_FOUND, "no_such_execution", "no job execution " + id));
    }

    @PostMapping("/admin/jobs/executions/{id}/stop")
    ResponseEntity<Map<String, Object>> stop(@PathVariable("id") long id) {
        if (jobs.execution(id).isEmpty()) {
            return ErrorBody.of(HttpStatus.NOT_FOUND, "no_such_execution", "no job execution " + id);
        }
        if (!jobs.stop(id)) {
            return ErrorBody.of(HttpStatus.CONFLICT, "not_running", "job execution " + id + " is not running");
        }
        return ResponseEntity.accepted().body(Map.of("executionId", id, "status", "STOPPING"));
    }

    @PostMapping("/admin/jobs/executions/{id}/restart")
    ResponseEntity<Map<String, Object>> restart(@PathVariable("id") long id) {
        try {
            return ResponseEntity.accepted().body(Map.of("executionId", jobs.restart(id)));
        } catch (IllegalArgumentException e) {
            return ErrorBody.of(HttpStatus.NOT_FOUND, "no_such_execution", e.getMessage());
        } catch (BackfillJobs.AlreadyRunningException e) {
            return alreadyRunning(e);
        } catch (IllegalStateException e) {
            log.warn("Job execution {} could not be restarted: {}", id, e.toString());
            return ErrorBody.of(HttpStatus.CONFLICT, "not_restartable", e.getMessage());
        }
    }

    private static ResponseEntity<Map<String, Object>> alreadyRunning(BackfillJobs.AlreadyRunningException e) {
        Map<String, Object> body = new LinkedHashMap<>(ErrorBody.of(HttpStatus.CONFLICT, "already_running",
                e.getMessage()).getBody());
        body.put("executionId", e.executionId());
        return ResponseEntity.status(HttpStatus.CONFLICT).body(body);
    }
}
