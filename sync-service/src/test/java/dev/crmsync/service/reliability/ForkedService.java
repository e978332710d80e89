package dev.crmsync.service.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged service jar (failsafe passes its path as {@code service.jar}) in its own JVM, configured
 * by environment variables as an operator would, so a test can {@code kill -9} it mid-flight.
 */
final class ForkedService implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final int port;
    private final Path log;

    private ForkedService(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts the jar with {@code env} (plus {@code PORT}) and waits until its health endpoint answers 200. */
    static ForkedService start(Map<String, String> env, int port, String name) throws IOException {
        String jar = System.getProperty("service.jar");
        assertThat(jar).as("failsafe passes the service jar path").isNotBlank();
        Path log = Files.createTempFile(name + "-" + port + "-", ".log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-jar", jar).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        // Like RunningService: the suite's flows are Instantly and HubSpot; a test wanting Salesforce says so in env.
        builder.environment().put("SALESFORCE_ENABLED", "false");
        builder.environment().putAll(env);
        builder.environment().put("PORT", Integer.toString(port));
        Process process = builder.start();
        ForkedService service = new ForkedService(process, port, log);
        try {
            await().atMost(Duration.ofSeconds(300)).pollInterval(Duration.ofMillis(300)).ignoreExceptions()
                    .until(() -> {
                        assertThat(process.isAlive()).as("service JVM exited; see %s", log).isTrue();
                        return service.isHealthy();
                    });
        } catch (RuntimeException | AssertionError notHealthy) {
            process.destroyForcibly();
            throw notHealthy;
        }
        return service;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    boolean isHealthy() throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri("/actuator/health")).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
    }

    /** SIGKILL: no shutdown hook, no graceful close; whatever was in flight is cut off. */
    void killNine() throws InterruptedException {
        process.destroyForcibly();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("killed JVM is gone").isTrue();
    }

    /** Everything the JVM wrote to stdout and stderr so far. */
    String output() throws IOException {
        return Files.readString(log);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
