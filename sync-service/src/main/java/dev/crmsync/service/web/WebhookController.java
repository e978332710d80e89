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
import dev.crmsync.service.worker.IngestFlood;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /webhooks/{system}}: authenticate (before size or shape), bound the size, parse just
 * enough to store, store durably, and only then answer 2xx. The order of checks and the status
 * codes are the external contract in DESIGN.md.
 *
 * <p>A plain servlet on {@code /webhooks/*} rather than a Spring MVC handler: this is the hot path
 * (thousands of requests a second), and handler mapping, content negotiation and message converters
 * cost more CPU than everything else the request does (issue 9's ingest benchmark).
 */
class WebhookController extends HttpServlet {
    private static final Logger log = LoggerFactory.getLogger(WebhookController.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final transient ConnectedSystems systems;
    private final transient InboundEventStore store;
    private final transient SyncProperties properties;
    private final transient Clock clock;
    private final transient SyncMetrics metrics;
    private final transient IngestFlood flood;
    /** {@code SYNC_PUBLIC_URL} without trailing slashes, or null to use the request's own URL. */
    private final String publicBase;

    WebhookController(ConnectedSystems systems, InboundEventStore store, SyncProperties properties, Clock clock,
                      SyncMetrics metrics, IngestFlood flood) {
        this.systems = systems;
        this.store = store;
        this.properties = properties;
        this.clock = clock;
        this.metrics = metrics;
        this.flood = flood;
        String base = properties.publicUrl();
        this.publicBase = base == null || base.isBlank() ? null : base.replaceAll("/+$", "");
    }

    /** An answer: status, JSON body, and a {@code Retry-After} in seconds when positive. */
    private record Answer(int status, Map<String, Object> body, int retryAfterSeconds) {
        static Answer ok(Map<String, Object> body) {
            return new Answer(200, body, 0);
        }

        static Answer error(int status, String error, String message) {
            return new Answer(status, ErrorBody.map(status, error, message), 0);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo();
        String system = path == null || path.length() < 2 ? "" : path.substring(1);
        Answer answer;
        flood.requestStarted();
        try {
            answer = system.indexOf('/') >= 0
                    ? Answer.error(404, "not_found", "no such path: " + request.getRequestURI())
                    : handle(system, request);
        } finally {
            flood.requestEnded();
        }
        if (answer.status() >= 300) {
            metrics.rejected(systems.systemIds().contains(system) ? system : "unknown", answer.status());
        }
        response.setStatus(answer.status());
        response.setContentType("application/json");
        if (answer.retryAfterSeconds() > 0) {
            response.setIntHeader("Retry-After", answer.retryAfterSeconds());
        }
        byte[] body = JSON.writeValueAsBytes(answer.body());
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private Answer handle(String system, HttpServletRequest request) throws IOException {
        Instant receivedAt = clock.instant();
        Optional<WebhookVerifier> verifier = systems.verifier(system);
        Optional<EventTranslator> translator = systems.translator(system);
        if (verifier.isEmpty() || translator.isEmpty()) {
            return Answer.error(404, "unknown_source",
                    "no webhook source '" + system + "'; this service accepts webhooks from " + systems.systemIds());
        }
        int max = properties.ingest().maxBodyBytes();
        byte[] body = request.getContentLengthLong() > max ? null : request.getInputStream().readNBytes(max + 1);
        boolean tooLarge = body == null || body.length > max;
        // Authentication comes before size and shape. An oversized body is not read, so only the
        // header credentials can pass here; a signature over it cannot be checked.
        WebhookRequest webhook = new WebhookRequest(request.getMethod(), publicUri(request), headers(request),
                tooLarge ? new byte[0] : body, receivedAt);
        Verification verification = verifier.get().verify(webhook);
        if (verification instanceof Verification.Rejected rejected) {
            return Answer.error(401, "unauthorized", rejected.reason());
        }
        if (tooLarge) {
            long size = body == null ? request.getContentLengthLong() : body.length;
            return Answer.error(413, "payload_too_large",
                    "body is " + (body == null ? size : "more than " + max) + " bytes; at most " + max + " bytes are accepted");
        }
        Optional<String> notJson = JsonContentType.problem(request.getContentType());
        if (notJson.isPresent()) {
            return Answer.error(415, "unsupported_media_type", notJson.get());
        }
        Optional<String> notUtf8 = Utf8Body.problem(body);
        if (notUtf8.isPresent()) {
            return Answer.error(400, "malformed_event", notUtf8.get());
        }
        List<ParsedEvent> events;
        try {
            events = translator.get().parse(body);
        } catch (MalformedEventException e) {
            return Answer.error(400, "malformed_event", e.getMessage());
        }
        Optional<String> unstorable = StorableEvents.problem(events);
        if (unstorable.isPresent()) {
            return Answer.error(400, "malformed_event", unstorable.get());
        }
        String method = ((Verification.Verified) verification).method();
        try {
            List<StoredEvent> stored = store.store(system, events, method, receivedAt)
                    .get(properties.ingest().ackTimeout().toMillis(), TimeUnit.MILLISECONDS);
            for (int i = 0; i < stored.size(); i++) {
                metrics.ingested(system, events.get(i).eventType(), stored.get(i).duplicate());
            }
            return Answer.ok(accepted(stored));
        } catch (TimeoutException | ExecutionException e) {
            log.warn("Webhook from {} not stored: {}", system, e.getCause() == null ? "timed out" : e.getCause().getMessage());
            return new Answer(503, ErrorBody.map(503, "unavailable", "the event could not be stored durably within "
                    + properties.ingest().ackTimeout().toMillis() + " ms; nothing was accepted, please retry"), 5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Answer.error(503, "unavailable", "service is shutting down; please retry");
        }
    }

    private static Map<String, Object> accepted(List<StoredEvent> stored) {
        long duplicates = 0;
        List<Long> ids = new ArrayList<>(stored.size());
        for (StoredEvent s : stored) {
            if (s.duplicate()) {
                duplicates++;
            } else {
                ids.add(s.id());
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", ids.isEmpty() ? "duplicate" : "stored");
        body.put("stored", ids.size());
        body.put("duplicates", duplicates);
        body.put("eventIds", ids);
        return body;
    }

    private URI publicUri(HttpServletRequest request) {
        String query = request.getQueryString() == null ? "" : "?" + request.getQueryString();
        if (publicBase != null) {
            return URI.create(publicBase + request.getRequestURI() + query);
        }
        return URI.create(request.getRequestURL() + query);
    }

    private static Map<String, String> headers(HttpServletRequest request) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Enumeration<String> names = request.getHeaderNames(); names.hasMoreElements(); ) {
            String name = names.nextElement();
            headers.putIfAbsent(name, request.getHeader(name));
        }
        return headers;
    }
}
