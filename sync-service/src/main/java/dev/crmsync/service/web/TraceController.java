package dev.crmsync.service.web;

import dev.crmsync.core.model.Identity;
import dev.crmsync.service.persistence.TraceRepository;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /admin/trace?email=}: one person's events, decisions and outbound calls, in order. */
@RestController
class TraceController {
    private final TraceRepository traces;

    TraceController(JdbcTemplate jdbc) {
        this.traces = new TraceRepository(jdbc);
    }

    @GetMapping("/admin/trace")
    ResponseEntity<Map<String, Object>> trace(@RequestParam(name = "email", required = false) String email) {
        if (email == null || email.isBlank()) {
            return ErrorBody.of(HttpStatus.BAD_REQUEST, "missing_email", "give the person's email: /admin/trace?email=...");
        }
        return ResponseEntity.ok(traces.trace(Identity.normalise(email)));
    }
}
