package dev.crmsync.service.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProgressLineTest {

    @Test
    void showsABarAndTimeLeftWhenTheTotalIsKnown() {
        Map<String, Object> execution = execution();
        execution.put("total", 400L);
        execution.put("etaSeconds", 75L);

        assertThat(ProgressLine.render(execution)).isEqualTo("[###############...............] 50% "
                + "dead-letter-replay STARTED | read 200 written 190 skipped 3 | 40.5/s | ETA 1:15");
    }

    @Test
    void showsCountsAndRateOnlyWhenTheTotalIsUnknown() {
        assertThat(ProgressLine.render(execution()))
                .isEqualTo("dead-letter-replay STARTED | read 200 written 190 skipped 3 | 40.5/s");
    }

    private static Map<String, Object> execution() {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("jobName", "dead-letter-replay");
        e.put("status", "STARTED");
        e.put("readCount", 200);
        e.put("writeCount", 190);
        e.put("skipCount", 3);
        e.put("ratePerSecond", 40.5);
        return e;
    }
}
