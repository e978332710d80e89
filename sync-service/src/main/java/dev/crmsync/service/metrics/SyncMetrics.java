package dev.crmsync.service.metrics;

import dev.crmsync.core.spi.AdapterException;
import dev.crmsync.core.spi.WriteResult;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The counters the service increments on its hot paths. Event types come from senders, so their
 * number is capped: past {@value #MAX_EVENT_TYPES} distinct types, new ones count as {@code other}.
 */
public final class SyncMetrics {
    static final int MAX_EVENT_TYPES = 200;

    private final MeterRegistry registry;
    private final Set<String> eventTypes = ConcurrentHashMap.newKeySet();
    /** Counters on the webhook path, found once: registering by builder on each request costs more than storing it. */
    private final Map<List<String>, Counter> ingestCounters = new ConcurrentHashMap<>();

    public SyncMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** A webhook event stored or recognised as a duplicate. */
    public void ingested(String source, String eventType, boolean duplicate) {
        String type = boundedType(eventType);
        String outcome = duplicate ? "duplicate" : "stored";
        ingestCounters.computeIfAbsent(List.of("events", source, type, outcome), k -> Counter.builder("sync.ingest.events")
                .description("Inbound events accepted, by source, type and outcome")
                .tag("source", source).tag("event_type", type).tag("outcome", outcome).register(registry)).increment();
    }

    /** A webhook refused (400, 401, 404, 413, 503). */
    public void rejected(String source, int status) {
        String code = Integer.toString(status);
        ingestCounters.computeIfAbsent(List.of("rejected", source, code), k -> Counter.builder("sync.ingest.rejected")
                .description("Inbound requests refused, by source and HTTP status")
                .tag("source", source).tag("status", code).register(registry)).increment();
    }

    /** The HTTP calls one write made, by outcome class. */
    public void calls(String target, WriteResult result) {
        for (WriteResult.Call call : result.calls()) {
            call(target, call.operation(), call.status());
        }
    }

    /** One call by its answer: 2xx, 207 (partial), 429, 4xx, 5xx, or io (no answer: reset, refused). */
    public void call(String target, String operation, int status) {
        call(target, operation, outcome(status));
    }

    /** A write that failed as a whole: by its HTTP status, or {@code timeout} / {@code io} when no answer came. */
    public void failedCall(String target, String operation, AdapterException error) {
        call(target, operation, error.httpStatus() == 0 && isTimeout(error) ? "timeout" : outcome(error.httpStatus()));
    }

    private void call(String target, String operation, String outcome) {
        Counter.builder("sync.outbound.calls").description("Calls to target systems, by outcome")
                .tag("target", target).tag("operation", operation == null ? "unknown" : operation)
                .tag("outcome", outcome).register(registry).increment();
    }

    /** Commands settled by the dispatcher: written, retry, rate-limited, dead-letter. */
    public void commands(String target, String outcome, int count) {
        Counter.builder("sync.outbound.commands").description("Outbox commands settled, by target and outcome")
                .tag("target", target).tag("outcome", outcome).register(registry).increment(count);
    }

    /** An alert raised, e.g. {@code kind=account_error}, by the system it came from. */
    public void alert(String kind, String source) {
        Counter.builder("sync.alerts").description("Alerts raised, by kind and source system")
                .tag("kind", kind).tag("source", source).register(registry).increment();
    }

    /** Webhook subscriptions the watchdog resumed after the system had disabled them. */
    public void webhooksResumed(String system, int count) {
        Counter.builder("sync.webhooks.resumed").description("Disabled webhook subscriptions resumed by the watchdog")
                .tag("system", system).register(registry).increment(count);
    }

    /**
     * One poll of a change feed: {@code ok} (page committed), {@code feed-error} (the system did not
     * answer; cursor left) or {@code store-error} (the page was not committed; cursor left), with how many
     * events the page held and how many of those were new.
     */
    public void polled(String system, String outcome, int returned, int stored) {
        Counter.builder("sync.poll.polls").description("Change-feed polls, by system and outcome")
                .tag("system", system).tag("outcome", outcome).register(registry).increment();
        if (!outcome.equals("ok")) {
            return;
        }
        DistributionSummary.builder("sync.poll.page.events").description("Events per polled page, repeats included")
                .tag("system", system).register(registry).record(returned);
        Counter.builder("sync.poll.events").description("Polled events, by system and outcome")
                .tag("system", system).tag("outcome", "stored").register(registry).increment(stored);
        Counter.builder("sync.poll.events").description("Polled events, by system and outcome")
                .tag("system", system).tag("outcome", "duplicate").register(registry).increment(returned - stored);
    }

    static String outcome(int status) {
        if (status == 0) {
            return "io";
        }
        if (status == 207) {
            return "207";
        }
        if (status == 429) {
            return "429";
        }
        return status / 100 + "xx";
    }

    static boolean isTimeout(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof HttpTimeoutException || t instanceof SocketTimeoutException) {
                return true;
            }
        }
        return false;
    }

    private String boundedType(String eventType) {
        if (eventTypes.contains(eventType)) {
            return eventType;
        }
        if (eventTypes.size() < MAX_EVENT_TYPES && eventType.length() <= 64) {
            eventTypes.add(eventType);
            return eventType;
        }
        return "other";
    }
}
