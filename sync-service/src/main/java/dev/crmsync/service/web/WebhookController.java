package dev.crmsync.service.web;

import dev.crmsync.core.spi.EventTranslator;
import dev.crmsync.core.spi.MalformedEventException;
import dev.crmsync.core.spi.ParsedEvent;
import dev.crmsync.core.spi.Verification;
import dev.crmsync.core.spi.WebhookRequest;
import dev.crmsync.core.spi.WebhookVerifier;
import dev.crmsync.service.metrics.SyncMetrics;
import dev.crmsync.service.persistence.InboundEventStore;
import dev.crmsync.service.persistence.StoredEvent;
import dev.crmsync.service.wiring.ConnectedSystems;
import dev.crmsync.service.wiring.SyncProperties;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /webhooks/{system}}: authenticate (before size or shape), bound the size, parse just
 * enough to store, store durably, and only then answer 2xx. The order of checks and the status
 * codes are the external contract in DESIGN.md.
 */
@RestController
class WebhookController {
    private static final Logger log = LoggerFactory.getLogger(WebhookController.class);

    private final ConnectedSystems systems;
    private final InboundEventStore store;
    private final SyncProperties properties;
    private final Clock clock;
    private final SyncMetrics metrics;

    WebhookController(ConnectedSystems systems, InboundEventStore store, SyncProperties properties, Clock clock,
                      SyncMetrics metrics) {
        this.systems = systems;
        this.store = store;
        this.properties = properties;
        this.clock = clock;
        this.metrics = metrics;
    }

    @PostMapping("/webhooks/{system}")
    ResponseEntity<Map<String, Object>> receive(@PathVariable("system") String system, HttpServletRequest request)
            throws IOException {
        ResponseEntity<Map<String, Object>> answer = handle(system, request);
        if (!answer.getStatusCode().is2xxSuccessful()) {
            metrics.rejected(systems.systemIds().contains(system) ? system : "unknown", answer.getStatusCode().value());
        }
        return answer;
    }

    private ResponseEntity<Map<String, Object>> handle(String system, HttpServletRequest request) throws IOException {
        Instant receivedAt = clock.instant();
        Optional<WebhookVerifier> verifier = systems.verifier(system);
        Optional<EventTranslator> translator = systems.translator(system);
        if (verifier.isEmpty() || translator.isEmpty()) {
            return ErrorBody.of(HttpStatus.NOT_FOUND, "unknown_source",
                    "no webhook source '" + system + "'; this service accepts webhooks from " + systems.systemIds());
        }
        int max = properties.ingest().maxBodyBytes();
        byte[] body = request.getContentLengthLong() > max ? null : readAtMost(request.getInputStream(), max + 1);
        boolean tooLarge = body == null || body.length > max;
        // Authentication comes before size and shape. An oversized body is not read, so only the
        // header credentials can pass here; a signature over it cannot be checked.
        WebhookRequest webhook = new WebhookRequest(request.getMethod(), publicUri(request), headers(request),
                tooLarge ? new byte[0] : body, receivedAt);
        Verification verification = verifier.get().verify(webhook);
        if (verification instanceof Verification.Rejected rejected) {
            return ErrorBody.of(HttpStatus.UNAUTHORIZED, "unauthorized", rejected.reason());
        }
        if (tooLarge) {
            long size = body == null ? request.getContentLengthLong() : body.length;
            return ErrorBody.of(HttpStatus.CONTENT_TOO_LARGE, "payload_too_large",
                    "body is " + (body == null ? size : "more than " + max) + " bytes; at most " + max + " bytes are accepted");
        }
        Optional<String> notJson = JsonContentType.problem(request.getContentType());
        if (notJson.isPresent()) {
            return ErrorBody.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type", notJson.get());
        }
        Optional<String> notUtf8 = Utf8Body.problem(body);
        if (notUtf8.isPresent()) {
            return ErrorBody.of(HttpStatus.BAD_REQUEST, "malformed_event", notUtf8.get());
        }
        List<ParsedEvent> events;
        try {
            events = translator.get().parse(body);
        } catch (MalformedEventException e) {
            return ErrorBody.of(HttpStatus.BAD_REQUEST, "malformed_event", e.getMessage());
        }
        Optional<String> unstorable = StorableEvents.problem(events);
        if (unstorable.isPresent()) {
            return ErrorBody.of(HttpStatus.BAD_REQUEST, "malformed_event", unstorable.get());
        }
        String method = ((Verification.Verified) verification).method();
        try {
            List<StoredEvent> stored = store.store(system, events, method, receivedAt)
                    .get(properties.ingest().ackTimeout().toMillis(), TimeUnit.MILLISECONDS);
            for (int i = 0; i < stored.size(); i++) {
                metrics.ingested(system, events.get(i).eventType(), stored.get(i).duplicate());
            }
            return ResponseEntity.ok(accepted(stored));
        } catch (TimeoutException | ExecutionException e) {
            log.warn("Webhook from {} not stored: {}", system, e.getCause() == null ? "timed out" : e.getCause().getMessage());
            ResponseEntity<Map<String, Object>> unavailable = ErrorBody.of(HttpStatus.SERVICE_UNAVAILABLE, "unavailable",
                    "the event could not be stored durably within " + properties.ingest().ackTimeout().toMillis()
                            + " ms; nothing was accepted, please retry");
            return ResponseEntity.status(unavailable.getStatusCode()).header(HttpHeaders.RETRY_AFTER, "5")
                    .body(unavailable.getBody());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ErrorBody.of(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", "service is shutting down; please retry");
        }
    }

    private static Map<String, Object> accepted(List<StoredEvent> stored) {
        Map<String, Object> body = new LinkedHashMap<>();
        boolean allDuplicates = stored.stream().allMatch(StoredEvent::duplicate);
        body.put("status", allDuplicates ? "duplicate" : "stored");
        body.put("stored", stored.stream().filter(s -> !s.duplicate()).count());
        body.put("duplicates", stored.stream().filter(StoredEvent::duplicate).count());
        body.put("eventIds", stored.stream().filter(s -> !s.duplicate()).map(StoredEvent::id).toList());
        return body;
    }

    private URI publicUri(HttpServletRequest request) {
        String query = request.getQueryString() == null ? "" : "?" + request.getQueryString();
        String base = properties.publicUrl();
        if (base != null && !base.isBlank()) {
            return URI.create(base.replaceAll("/+$", "") + request.getRequestURI() + query);
        }
        return URI.create(request.getRequestURL() + query);
    }

    private static Map<String, String> headers(HttpServletRequest request) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : Collections.list(request.getHeaderNames())) {
            headers.putIfAbsent(name, request.getHeader(name));
        }
        return headers;
    }

    private static byte[] readAtMost(InputStream in, int limit) throws IOException {
        return in.readNBytes(limit);
    }
}
