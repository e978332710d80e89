package dev.crmsync.mappings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crmsync.core.mapping.BounceRule;
import dev.crmsync.core.mapping.Effect;
import dev.crmsync.core.mapping.EngagementRule;
import dev.crmsync.core.mapping.Mapping;
import dev.crmsync.core.mapping.ScoreKind;
import dev.crmsync.core.mapping.ScoreRule;
import dev.crmsync.core.model.SystemId;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The engagement score, the bounce policy and retry-later delays, as read from the default mapping and inline files. */
class PolicyReadingTest {
    private static final SystemId INSTANTLY = SystemId.of("instantly");
    private static final SystemId HUBSPOT = SystemId.of("hubspot");
    private static final Mapping DEFAULT = new MappingLoader().loadDefault();

    @Test
    void defaultScoresEveryKindAndWritesToHubSpot() {
        EngagementRule engagement = DEFAULT.engagement().orElseThrow();

        assertThat(engagement.source()).isEqualTo(INSTANTLY);
        assertThat(engagement.writeTo()).isEqualTo(Map.of(HUBSPOT, "sync_engagement_score"));
        assertThat(engagement.rules()).extracting(ScoreRule::kind).containsExactly(ScoreKind.values());
        assertThat(engagement.rule(ScoreKind.POSITIVE_REPLY).orElseThrow())
                .isEqualTo(new ScoreRule(ScoreKind.POSITIVE_REPLY, Optional.empty(), List.of("interested"), 10));
        assertThat(engagement.rule(ScoreKind.OPEN).orElseThrow().points()).isEqualTo(1);
    }

    @Test
    void defaultTurnsSoftBouncesHardAfter72Hours() {
        BounceRule bounces = DEFAULT.bounces().orElseThrow();

        assertThat(bounces.softToHardAfter()).isEqualTo(Duration.ofHours(72));
        assertThat(bounces.hard()).isEqualTo(Map.of("bounce_type", "hard"));
        assertThat(bounces.soft().when()).isEqualTo(Map.of("bounce_type", "soft"));
        assertThat(bounces.deliveredOn()).contains("email_opened", "reply_received");
    }

    @Test
    void softToHardAfterDefaultsTo72HoursAndRetryLaterTakesADelay() {
        Mapping mapping = new MappingLoader().parse("inline.yaml", """
                version: 1
                systems: [instantly, salesforce]
                statuses:
                  out_of_office:
                    instantly: { on: [lead_out_of_office] }
                    salesforce: { retry-later: 2d }
                bounces:
                  from: instantly
                  soft: { on: [email_bounced], when: { bounce_type: soft } }
                  hard: { bounce_type: hard }
                """);

        assertThat(mapping.bounces().orElseThrow().softToHardAfter()).isEqualTo(BounceRule.DEFAULT_SOFT_TO_HARD);
        assertThat(mapping.bounces().orElseThrow().deliveredOn()).isEmpty();
        assertThat(mapping.status("out_of_office").orElseThrow().effectOn(SystemId.of("salesforce")))
                .contains(new Effect.RetryLater(Optional.of(Duration.ofDays(2))));
        assertThat(mapping.engagement()).isEmpty();
    }
}
