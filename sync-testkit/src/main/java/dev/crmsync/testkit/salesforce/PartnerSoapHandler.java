package dev.crmsync.testkit.salesforce;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;

/**
 * {@code POST /services/Soap/u/<version>}: the request pipeline of the partner endpoint. Gzip bodies are
 * inflated (force-wsc compresses by default); the session must be one the token endpoint issued
 * ({@code INVALID_SESSION_ID} otherwise); an injected fault answers next; then the daily budget
 * ({@code REQUEST_LIMIT_EXCEEDED} when spent, a SOAP fault with HTTP 500, never a 429); then the call.
 * Every answer carries {@code Sforce-Limit-Info}.
 */
final class PartnerSoapHandler implements HttpHandler {
    private final PartnerOperations operations;
    private final SessionRegistry sessions;
    private final ApiUsage usage;
    private final SoapFaultPlan faults;
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final List<String> clients = new CopyOnWriteArrayList<>();
    private final Map<String, List<Integer>> sessionsByOperation = new ConcurrentHashMap<>();

    PartnerSoapHandler(PartnerOperations operations, SessionRegistry sessions, ApiUsage usage, SoapFaultPlan faults) {
        this.operations = operations;
        this.sessions = sessions;
        this.usage = usage;
        this.faults = faults;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestMethod().equals("POST")) {
                send(exchange, 405, "");
                return;
            }
            String answer;
            int status = 200;
            try {
                answer = answer(SoapRequest.parse(body(exchange)));
            } catch (SoapFault fault) {
                status = 500;
                answer = SoapXml.fault(fault);
            }
            send(exchange, status, answer);
        }
    }

    private String answer(SoapRequest request) {
        String userId = sessions.userOf(request.sessionId().orElse(null)).orElseThrow(() -> SoapFault.unexpected(
                "INVALID_SESSION_ID", "Invalid Session ID found in SessionHeader: Illegal Session"));
        String op = request.operation();
        faults.take(op).ifPresent(code -> {
            if (code.equals(SoapFaultPlan.CONCURRENT_LIMIT)) {
                throw SoapFault.unexpected("REQUEST_LIMIT_EXCEEDED",
                        "ConcurrentRequests (Concurrent API Requests) Limit exceeded.");
            }
            throw SoapFault.unexpected(code, code.equals("REQUEST_LIMIT_EXCEEDED") ? "TotalRequests Limit exceeded."
                    : "injected fault");
        });
        if (!usage.admit()) {
            throw SoapFault.unexpected("REQUEST_LIMIT_EXCEEDED", "TotalRequests Limit exceeded.");
        }
        calls.computeIfAbsent(op, k -> new AtomicInteger()).incrementAndGet();
        sessionsByOperation.computeIfAbsent(op, k -> new CopyOnWriteArrayList<>())
                .add(sessions.numberOf(request.sessionId().orElse(null)));
        request.callOptionsClient().ifPresent(clients::add);
        return SoapXml.envelope(usage.snapshot(), operations.handle(request, userId));
    }

    Map<String, Integer> callCounts() {
        Map<String, Integer> counts = new java.util.TreeMap<>();
        calls.forEach((op, n) -> counts.put(op, n.get()));
        return counts;
    }

    List<String> clients() {
        return List.copyOf(clients);
    }

    List<Integer> sessions(String operation) {
        return List.copyOf(sessionsByOperation.getOrDefault(operation, List.of()));
    }

    private static byte[] body(HttpExchange exchange) throws IOException {
        String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
        InputStream in = exchange.getRequestBody();
        if (encoding != null && encoding.equalsIgnoreCase("gzip")) {
            in = new GZIPInputStream(in);
        }
        return in.readAllBytes();
    }

    private void send(HttpExchange exchange, int status, String xml) throws IOException {
        byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/xml; charset=utf-8");
        exchange.getResponseHeaders().set("Sforce-Limit-Info", usage.snapshot().header());
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
    }
}
