package dev.crmsync.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** Options every benchmark takes: how long and how often to measure, and how to start the service. */
final class CommonOptions {
    @Option(names = "--runs", defaultValue = "3", description = "runs per setting; figures are their medians")
    int runs;

    @Option(names = "--seconds", defaultValue = "10", description = "seconds per run")
    int seconds;

    @Option(names = "--jar", defaultValue = "sync-service/target/sync-service-0.1.0-SNAPSHOT.jar",
            description = "the packaged service")
    Path jar;

    @Option(names = "--service-jvm", defaultValue = "-Xmx256m -XX:+UseSerialGC",
            description = "JVM options for the service (space-separated)")
    String serviceJvm;

    @Option(names = "--port", defaultValue = "18090", description = "the service's HTTP port")
    int port;

    Path jar() {
        if (!jar.toFile().isFile()) {
            throw new IllegalArgumentException("no service jar at " + jar.toAbsolutePath()
                    + "; build it first: mvn -q -DskipTests package -pl sync-service -am");
        }
        return jar;
    }

    List<String> jvmOptions() {
        return Arrays.stream(serviceJvm.trim().split("\\s+")).filter(s -> !s.isEmpty()).toList();
    }

    /** Sandbox mode (no vendor credentials): the documented webhook secret, in-process simulators. */
    Map<String, String> serviceEnv() {
        return Map.of();
    }
}
