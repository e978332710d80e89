package dev.crmsync.service.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crmsync.core.spi.PermanentAdapterException;
import dev.crmsync.core.spi.TransientAdapterException;
import dev.crmsync.core.spi.WriteResult;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SyncMetricsTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final SyncMetrics metrics = new SyncMetrics(registry);

    private double calls(String outcome) {
        var counter = registry.find("sync.outbound.calls").tag("target", "hubspot").tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void aCallWithoutAnswerBecauseOfATimeoutCountsAsTimeout() {
        metrics.failedCall("hubspot", "write", new TransientAdapterException("no answer within 10000 ms", 0, null,
                new HttpTimeoutException("request timed out")));

        assertThat(calls("timeout")).isEqualTo(1);
        assertThat(calls("io")).isZero();
    }

    @Test
    void aRefusedConnectionCountsAsIoNotTimeout() {
        metrics.failedCall("hubspot", "write", new TransientAdapterException("no connection", 0, null,
                new ConnectException("refused")));

        assertThat(calls("io")).isEqualTo(1);
        assertThat(calls("timeout")).isZero();
    }

    @Test
    void failedWritesCountByTheirHttpStatusClass() {
        metrics.failedCall("hubspot", "write", new TransientAdapterException("rate limited", 429));
        metrics.failedCall("hubspot", "write", new TransientAdapterException("bad gateway", 502));
        metrics.failedCall("hubspot", "write", new PermanentAdapterException("bad property", 400));

        assertThat(calls("429")).isEqualTo(1);
        assertThat(calls("5xx")).isEqualTo(1);
        assertThat(calls("4xx")).isEqualTo(1);
    }

    @Test
    void aPartialBatchAnswerCountsAs207AndSuccessesAs2xx() {
        metrics.calls("hubspot", new WriteResult(Map.of(), List.of(
                new WriteResult.Call("contacts/batch/upsert", 207, 10, 40),
                new WriteResult.Call("notes/batch/create", 201, 3, 20))));

        assertThat(calls("207")).isEqualTo(1);
        assertThat(calls("2xx")).isEqualTo(1);
    }
}
