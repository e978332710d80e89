package dev.crmsync.service.poll;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A system without webhooks, as the tests control it: records with a modification stamp, listed over HTTP
 * like a SystemModstamp query ({@code GET /changes?cursor=<instant>&limit=n}). The cursor is the stamp of
 * the last record returned; a poll lists records stamped at or after the cursor minus a small look-back,
 * oldest first, so every page repeats the records at the cursor's instant and just before it (the overlap
 * a real feed needs for records committed late). A record that changes again keeps only its newest
 * version, as the vendor's query would. Every request is recorded with the poller that sent it.
 *
 * <p>Answer: first line {@code <nextCursor> <more>}, then one line per record {@code id version stamp email}.
 */
public final class ChangeLogServer implements AutoCloseable {
    static final Duration LOOK_BACK = Duration.ofMillis(2);
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    /** One record's current version. */
    public record Change(String recordId, int version, Instant stamp, String email) {
        public String dedupKey() {
            return recordId + "@" + version;
        }
    }

    /** One poll as the server saw it: who sent it, its cursor, when, and what it answered (null: failed). */
    public record Request(String poller, String cursor, long startNanos, long endNanos, List<String> returned) {
        boolean failed() {
            return returned == null;
        }
    }

    private final HttpServer server;
    private final List<Change> changes = new ArrayList<>();
    private final Map<String, Integer> versions = new HashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private Instant clock = START;
    private int failNext;

    private ChangeLogServer(HttpServer server) {
        this.server = server;
    }

    public static ChangeLogServer start() {
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            ChangeLogServer log = new ChangeLogServer(http);
            http.createContext("/changes", log::handle);
            http.setExecutor(Executors.newFixedThreadPool(4));
            http.start();
            return log;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the change log server", e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Records {@code count} new records, one millisecond apart. */
    public synchronized List<Change> add(String prefix, int count) {
        List<Change> added = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            clock = clock.plusMillis(1);
            added.add(put(prefix + "-" + i, clock));
        }
        return added;
    }

    /** Changes the given records (new ones or new versions) all at one instant. */
    public synchronized List<Change> sameInstant(String... recordIds) {
        clock = clock.plusMillis(1);
        List<Change> added = new ArrayList<>();
        for (String id : recordIds) {
            added.add(put(id, clock));
        }
        return added;
    }

    /** The next {@code count} polls answer 503. */
    public synchronized void failNext(int count) {
        failNext = count;
    }

    /** Every record's current version: what a poller must have stored in the end. */
    public synchronized List<Change> changes() {
        return List.copyOf(changes);
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    private Change put(String recordId, Instant stamp) {
        int version = versions.merge(recordId, 1, Integer::sum);
        changes.removeIf(c -> c.recordId().equals(recordId));
        Change change = new Change(recordId, version, stamp, recordId + "@poll.example");
        changes.add(change);
        changes.sort(Comparator.comparing(Change::stamp).thenComparing(Change::recordId));
        return change;
    }

    private void handle(HttpExchange exchange) throws IOException {
        long start = System.nanoTime();
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        String cursor = query.get("cursor");
        String poller = exchange.getRequestHeaders().getFirst("X-Poller");
        StringBuilder body = new StringBuilder();
        List<String> returned = null;
        int status = 200;
        synchronized (this) {
            if (failNext > 0) {
                failNext--;
                status = 503;
            } else {
                returned = page(cursor, Integer.parseInt(query.getOrDefault("limit", "100")), body);
            }
        }
        // Recorded before answering, so a test that sees the poller act on the answer also sees the request.
        requests.add(new Request(poller, cursor, start, System.nanoTime(), returned));
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private List<String> page(String cursor, int limit, StringBuilder body) {
        Instant from = cursor == null ? Instant.EPOCH : Instant.parse(cursor).minus(LOOK_BACK);
        List<Change> after = changes.stream().filter(c -> !c.stamp().isBefore(from)).toList();
        List<Change> page = after.subList(0, Math.min(limit, after.size()));
        String next = page.isEmpty() ? (cursor == null ? START.toString() : cursor)
                : page.get(page.size() - 1).stamp().toString();
        body.append(next).append(' ').append(after.size() > page.size()).append('\n');
        for (Change c : page) {
            body.append(c.recordId()).append(' ').append(c.version()).append(' ').append(c.stamp()).append(' ')
                    .append(c.email()).append('\n');
        }
        return page.stream().map(Change::dedupKey).toList();
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> values = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                String[] kv = pair.split("=", 2);
                values.put(kv[0], kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            }
        }
        return values;
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
