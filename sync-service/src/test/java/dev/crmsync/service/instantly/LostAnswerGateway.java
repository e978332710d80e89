package dev.crmsync.service.instantly;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A proxy in front of the service's webhook endpoint that passes every try on, but answers the first
 * try of each body with 503, as if the service's answer was lost: the service has stored the event,
 * yet Instantly retries it with the identical body.
 */
final class LostAnswerGateway implements AutoCloseable {
    private final HttpServer server;
    private final URI target;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Set<String> seen = ConcurrentHashMap.newKeySet();
    private final AtomicInteger forwarded = new AtomicInteger();

    LostAnswerGateway(URI target) {
        this.target = target;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/webhooks/instantly");
    }

    /** Tries passed on to the service. */
    int forwarded() {
        return forwarded.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body));
            for (String header : Set.of("Content-Type", "X-Webhook-Secret")) {
                String value = exchange.getRequestHeaders().getFirst(header);
                if (value != null) {
                    request.header(header, value);
                }
            }
            int status;
            try {
                status = http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
                forwarded.incrementAndGet();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                status = 502;
            }
            if (seen.add(new String(body, java.nio.charset.StandardCharsets.UTF_8))) {
                status = 503;
            }
            exchange.sendResponseHeaders(status, -1);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
