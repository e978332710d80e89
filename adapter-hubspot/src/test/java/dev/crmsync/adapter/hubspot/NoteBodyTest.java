package dev.crmsync.adapter.hubspot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crmsync.core.model.Activity;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NoteBodyTest {

    private static Activity activity(String subject, String body) {
        return new Activity("note", "k", subject, body, Instant.EPOCH, Map.of());
    }

    @Test
    void subjectLeadsInBoldAndTextKeepsItsLineBreaksEscaped() {
        assertThat(NoteBody.of(activity("Reply <1>", "a & b\nc")))
                .isEqualTo("<p><strong>Reply &lt;1&gt;</strong></p><p>a &amp; b<br>c</p>");
    }

    @Test
    void bodyIsCutToHubSpotsLimit() {
        assertThat(NoteBody.of(activity("", "x".repeat(70_000)))).hasSize(NoteBody.MAX_LENGTH);
    }
}
