package dev.crmsync.service.web;

import dev.crmsync.service.persistence.DeadLetterRepository;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /admin/dead-letters} lists them (filters: target, kind, since, until, replayed);
 * {@code POST /admin/dead-letters/{id}/replay} and {@code POST /admin/dead-letters/replay} (same filters)
 * put them back in the outbox.
 */
@RestController
class DeadLetterController {
    private final DeadLetterRepository deadLetters;

    DeadLetterController(DeadLetterRepository deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GetMapping("/admin/dead-letters")
    ResponseEntity<?> list(@RequestParam(name = "target", required = false) String target,
                           @RequestParam(name = "kind", required = false) String kind,
                           @RequestParam(name = "since", required = false) String since,
                           @RequestParam(name = "until", required = false) String until,
                           @RequestParam(name = "replayed", required = false) Boolean replayed,
                           @RequestParam(name = "limit", defaultValue = "100") int limit) {
        try {
            DeadLetterRepository.Filter filter = new DeadLetterRepository.Filter(target, kind, instant(since),
                    instant(until), replayed);
            return ResponseEntity.ok(Map.of("deadLetters", deadLetters.list(filter, Math.min(Math.max(limit, 1), 1000))));
        } catch (DateTimeParseException e) {
            return badTime(e);
        }
    }

    @PostMapping("/admin/dead-letters/{id}/replay")
    ResponseEntity<Map<String, Object>> replayOne(@PathVariable("id") long id) {
        return ResponseEntity.ok(Map.of("replayed", deadLetters.replay(List.of(id))));
    }

    @PostMapping("/admin/dead-letters/replay")
    ResponseEntity<?> replayMatching(@RequestParam(name = "target", required = false) String target,
                                     @RequestParam(name = "kind", required = false) String kind,
                                     @RequestParam(name = "since", required = false) String since,
                                     @RequestParam(name = "until", required = false) String until) {
        try {
            return ResponseEntity.ok(Map.of("replayed", deadLetters.replay(
                    new DeadLetterRepository.Filter(target, kind, instant(since), instant(until), false))));
        } catch (DateTimeParseException e) {
            return badTime(e);
        }
    }

    private static ResponseEntity<Map<String, Object>> badTime(DateTimeParseException e) {
        return ErrorBody.of(HttpStatus.BAD_REQUEST, "bad_time", "since/until must be ISO-8601 instants such as "
                + "2026-11-23T10:00:00Z; found '" + e.getParsedString() + "'");
    }

    private static Instant instant(String value) {
        return value == null || value.isBlank() ? null : Instant.parse(value);
    }
}
