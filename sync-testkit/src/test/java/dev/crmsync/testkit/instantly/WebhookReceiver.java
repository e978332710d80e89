package dev.crmsync.testkit.instantly;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** A local endpoint standing in for our service: records what it receives and answers planned statuses (200 by default). */
final class WebhookReceiver implements AutoCloseable {

    /** One request as received. */
    record Received(String path, Map<String, List<String>> headers, String body) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Deque<Integer> planned = new ArrayDeque<>();
    private int always = 200;

    WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            try (exchange) {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                received.add(new Received(exchange.getRequestURI().getPath(), Map.copyOf(exchange.getRequestHeaders()),
                        body));
                exchange.sendResponseHeaders(nextStatus(), -1);
            }
        });
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    synchronized void answer(Integer... statuses) {
        planned.addAll(List.of(statuses));
    }

    synchronized void alwaysAnswer(int status) {
        always = status;
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    private synchronized int nextStatus() {
        Integer next = planned.pollFirst();
        return next == null ? always : next;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
