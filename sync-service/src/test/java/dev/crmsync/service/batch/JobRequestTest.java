package dev.crmsync.service.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JobRequestTest {

    @Test
    void readsTheDocumentedParametersAndSurvivesTheJobRepository() {
        // given
        Map<String, Object> body = Map.of("dryRun", true, "campaignIds", List.of("c1", "c2"), "since", "2026-11-01",
                "target", "hubspot");

        // when
        JobRequest request = JobRequest.fromJson(JobNames.INSTANTLY_TO_CRM, body);
        JobRequest again = JobRequest.fromJobParameters(request.toJobParameters(7));

        // then
        assertThat(request.dryRun()).isTrue();
        assertThat(request.campaignIds()).containsExactly("c1", "c2");
        assertThat(request.since()).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
        assertThat(again).isEqualTo(request);
    }

    @Test
    void reconcileIsADryRunUnlessAskedToFix() {
        assertThat(JobRequest.fromJson(JobNames.RECONCILE, Map.of()).dryRun()).isTrue();
        assertThat(JobRequest.fromJson(JobNames.RECONCILE, Map.of("fix", true)).dryRun()).isFalse();
    }

    @Test
    void fromAndToAreAcceptedForSinceAndUntil() {
        JobRequest request = JobRequest.fromJson(JobNames.DEAD_LETTER_REPLAY,
                Map.of("from", "2026-11-01T10:00:00Z", "to", "2026-11-02", "errorKind", "permanent"));

        assertThat(request.since()).isEqualTo(Instant.parse("2026-11-01T10:00:00Z"));
        assertThat(request.until()).isEqualTo(Instant.parse("2026-11-02T00:00:00Z"));
        assertThat(request.errorKind()).isEqualTo("permanent");
    }

    @Test
    void aBadParameterIsRefusedByName() {
        assertThatThrownBy(() -> JobRequest.fromJson(JobNames.INSTANTLY_TO_CRM, Map.of("campaign", "c1")))
                .hasMessageContaining("unknown parameter 'campaign'");
        assertThatThrownBy(() -> JobRequest.fromJson(JobNames.INSTANTLY_TO_CRM, Map.of("since", "yesterday")))
                .hasMessageContaining("'since'").hasMessageContaining("yesterday");
        assertThatThrownBy(() -> JobRequest.fromJson(JobNames.INSTANTLY_TO_CRM, Map.of("dryRun", "maybe")))
                .hasMessageContaining("'dryRun' must be true or false");
    }
}
