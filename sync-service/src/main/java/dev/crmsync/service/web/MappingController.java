package dev.crmsync.service.web;

import dev.crmsync.core.mapping.Mapping;
import dev.crmsync.mappings.MappingException;
import dev.crmsync.mappings.MappingProblem;
import dev.crmsync.service.wiring.MappingHolder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /admin/mappings} says which mapping is in force; {@code POST /admin/mappings/validate}
 * checks a YAML body; {@code POST /admin/mappings/reload} re-reads the configured file and swaps it in
 * only when valid (422 with every problem otherwise, the old mapping staying in force).
 */
@RestController
class MappingController {
    private final MappingHolder mappings;

    MappingController(MappingHolder mappings) {
        this.mappings = mappings;
    }

    @GetMapping("/admin/mappings")
    Map<String, Object> current() {
        return summary("in-force", mappings.current());
    }

    @PostMapping("/admin/mappings/validate")
    ResponseEntity<Map<String, Object>> validate(@RequestBody(required = false) byte[] yaml) {
        if (yaml == null || yaml.length == 0) {
            return ErrorBody.of(HttpStatus.BAD_REQUEST, "empty_body", "send the mapping YAML as the request body");
        }
        try {
            return ResponseEntity.ok(summary("valid",
                    mappings.validate("request body", new String(yaml, StandardCharsets.UTF_8))));
        } catch (MappingException e) {
            return invalid(e);
        }
    }

    @PostMapping("/admin/mappings/reload")
    ResponseEntity<Map<String, Object>> reload() {
        try {
            return ResponseEntity.ok(summary("reloaded", mappings.reload()));
        } catch (MappingException e) {
            ResponseEntity<Map<String, Object>> refused = invalid(e);
            refused.getBody().put("kept", mappings.current().origin());
            return refused;
        }
    }

    private static ResponseEntity<Map<String, Object>> invalid(MappingException e) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", 422);
        body.put("error", "invalid_mapping");
        body.put("message", e.problems().size() + " problem(s); nothing was changed");
        List<String> problems = e.problems().stream().map(MappingProblem::toString).toList();
        body.put("problems", problems);
        return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).body(body);
    }

    private static Map<String, Object> summary(String status, Mapping mapping) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        body.put("origin", mapping.origin());
        body.put("systems", mapping.systems().stream().map(Object::toString).sorted().toList());
        body.put("statuses", mapping.statuses().stream().map(s -> s.name()).toList());
        return body;
    }
}
