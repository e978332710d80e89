package dev.crmsync.bench;

import dev.crmsync.testkit.http.LoopbackServer;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The reference for durable ingest: a bare JDK {@link HttpServer} that checks the secret header, hands
 * each body to two committer threads (one gathers while the other waits for the disk), which insert
 * everything waiting in one statement and commit, and answers 200 only after its request's row is committed. No framework, no parsing: the
 * most this machine can acknowledge durably over HTTP with group commit.
 *
 * <p>The bench runs it in a JVM of its own ({@link #inOwnJvm}), like the service, so that neither shares
 * a JVM (threads, GC, JIT) with the load generator.
 */
final class BareGroupCommitServer implements AutoCloseable {
    private static final byte[] OK = "{\"status\":\"stored\"}".getBytes(StandardCharsets.UTF_8);
    private static final int MAX_BATCH = 500;

    private record Pending(byte[] body, CompletableFuture<Void> done) {
    }

    /** Opens a connection to the database the rows go to. */
    interface Connector {
        Connection connect() throws SQLException;
    }

    private final Connector db;
    private final HttpServer server;
    private final ExecutorService handlers;
    private final BlockingQueue<Pending> waiting = new ArrayBlockingQueue<>(50_000);
    private final List<Thread> committers = new ArrayList<>();
    private final byte[] secret;
    private final AtomicLong sequence = new AtomicLong();
    private volatile boolean running = true;

    BareGroupCommitServer(Connector db, String secret, int threads) throws IOException {
        this.db = db;
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.server = LoopbackServer.create(0, 1024);
        this.handlers = Executors.newFixedThreadPool(threads);
        server.setExecutor(handlers);
        server.createContext("/webhooks/instantly", this::handle);
        for (int i = 0; i < 2; i++) {
            Thread committer = new Thread(this::commitLoop, "bare-committer-" + i);
            committer.setDaemon(true);
            committer.start();
            committers.add(committer);
        }
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/webhooks/instantly";
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String given = exchange.getRequestHeaders().getFirst("X-Webhook-Secret");
            if (given == null || !MessageDigest.isEqual(secret, given.getBytes(StandardCharsets.UTF_8))) {
                exchange.sendResponseHeaders(401, -1);
                return;
            }
            Pending pending = new Pending(body, new CompletableFuture<>());
            int status = 503;
            if (waiting.offer(pending)) {
                try {
                    pending.done().get(5, TimeUnit.SECONDS);
                    status = 200;
                } catch (Exception e) {
                    status = 503;
                }
            }
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, status == 200 ? OK.length : -1);
            if (status == 200) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(OK);
                }
            }
        }
    }

    private void commitLoop() {
        List<Pending> batch = new ArrayList<>();
        while (running) {
            try (Connection c = db.connect()) {
                c.setAutoCommit(false);
                while (running) {
                    Pending first = waiting.poll(200, TimeUnit.MILLISECONDS);
                    if (first == null) {
                        continue;
                    }
                    batch.add(first);
                    waiting.drainTo(batch, MAX_BATCH - 1);
                    insert(c, batch);
                    c.commit();
                    batch.forEach(p -> p.done().complete(null));
                    batch.clear();
                }
            } catch (SQLException e) {
                batch.forEach(p -> p.done().completeExceptionally(e));
                batch.clear();
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void insert(Connection c, List<Pending> batch) throws SQLException {
        // One fixed statement with array parameters, as the service does: parsed and planned once.
        String[] keys = new String[batch.size()];
        byte[][] bodies = new byte[batch.size()][];
        for (int i = 0; i < batch.size(); i++) {
            keys[i] = "bare-" + sequence.incrementAndGet();
            bodies[i] = batch.get(i).body();
        }
        try (PreparedStatement insert = c.prepareStatement("insert into " + PgCeilings.TABLE
                + " (source, dedup_key, event_type, received_at, payload) "
                + "select 'bare', k, 'webhook', ?, p from unnest(?::text[], ?::bytea[]) as t(k, p) "
                + "on conflict (source, dedup_key) do nothing")) {
            insert.setTimestamp(1, Timestamp.from(Instant.now()));
            insert.setArray(2, c.createArrayOf("text", keys));
            insert.setArray(3, c.createArrayOf("bytea", bodies));
            insert.executeUpdate();
        }
    }

    /**
     * {@code java -cp <bench classpath> dev.crmsync.bench.BareGroupCommitServer <jdbc url> <secret> <threads>}:
     * prints {@code url <url>} when it accepts requests, and stops when its standard input closes.
     */
    public static void main(String[] args) throws Exception {
        String jdbcUrl = args[0];
        try (BareGroupCommitServer server = new BareGroupCommitServer(
                () -> java.sql.DriverManager.getConnection(jdbcUrl, "postgres", ""), args[1], Integer.parseInt(args[2]))) {
            System.out.println("url " + server.url());
            System.out.flush();
            while (System.in.read() != -1) {
                // the bench closes our standard input when it is done with us
            }
        }
    }

    /** Starts the server in a child JVM with {@code jvmOptions} and returns it with the URL it serves. */
    static Child inOwnJvm(String jdbcUrl, String secret, int threads, List<String> jvmOptions) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), BareGroupCommitServer.class.getName(),
                jdbcUrl, secret, Integer.toString(threads)));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String line = new java.io.BufferedReader(new java.io.InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8)).readLine();
        if (line == null || !line.startsWith("url ")) {
            process.destroyForcibly();
            throw new IllegalStateException("the bare server did not start: " + line);
        }
        return new Child(process, line.substring(4));
    }

    /** The bare server in its child JVM. */
    record Child(Process process, String url) implements AutoCloseable {
        @Override
        public void close() throws IOException, InterruptedException {
            process.getOutputStream().close();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        server.stop(0);
        running = false;
        for (Thread committer : committers) {
            committer.join(5_000);
        }
        handlers.shutdownNow();
    }
}
