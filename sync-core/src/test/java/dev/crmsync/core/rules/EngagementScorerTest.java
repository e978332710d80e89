package dev.crmsync.core.rules;

import static dev.crmsync.core.rules.TestMappings.ALL;
import static dev.crmsync.core.rules.TestMappings.HUBSPOT;
import static dev.crmsync.core.rules.TestMappings.INSTANTLY;
import static dev.crmsync.core.rules.TestMappings.T;
import static dev.crmsync.core.rules.TestMappings.decisions;
import static dev.crmsync.core.rules.TestMappings.instantly;
import static dev.crmsync.core.rules.TestMappings.upserted;
import static org.assertj.core.api.Assertions.assertThat;

import dev.crmsync.core.model.CanonicalChange;
import dev.crmsync.core.port.InMemoryFieldStateStore;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The engagement score: points per kind of event, counted once, written to the CRM's score property. */
class EngagementScorerTest {
    private final Planner planner = new Planner(TestMappings.full(), new InMemoryFieldStateStore());

    private static CanonicalChange event(String type, Instant at, String step) {
        return instantly(type, at).withAttributes(Map.of("campaign_id", "c-1", "step", step));
    }

    private String scoreAfter(List<CanonicalChange> changes) {
        String score = null;
        for (CanonicalChange change : changes) {
            score = upserted(planner.plan(change, ALL), HUBSPOT).getOrDefault("sync_engagement_score", score);
        }
        return score;
    }

    @Test
    void repeatedOpensOfOneEmailCountOnce() {
        Plan first = planner.plan(event("email_opened", T, "1"), ALL);
        Plan again = planner.plan(event("email_opened", T.plusSeconds(3600), "1"), ALL);

        assertThat(upserted(first, HUBSPOT)).isEqualTo(Map.of("sync_engagement_score", "1"));
        assertThat(again.commands()).isEmpty();
        assertThat(decisions(again, INSTANTLY, "engagement")).singleElement().extracting(d -> d.reason())
                .isEqualTo("this email was opened before: repeated opens of one email count once");
    }

    @Test
    void opensOfDifferentEmailsEachCount() {
        assertThat(scoreAfter(List.of(event("email_opened", T, "1"), event("email_opened", T.plusSeconds(60), "2"))))
                .isEqualTo("2");
    }

    @Test
    void scoreIsWrittenToTheCrmPropertyWithTheReason() {
        Plan plan = planner.plan(event("email_link_clicked", T, "1"), ALL);

        assertThat(upserted(plan, HUBSPOT)).isEqualTo(Map.of("sync_engagement_score", "3"));
        assertThat(decisions(plan, HUBSPOT, "sync_engagement_score")).singleElement().extracting(d -> d.reason())
                .asString().startsWith("engagement score 3 (click +3)");
    }

    @Test
    void everyClickCountsButAReplayedClickDoesNot() {
        CanonicalChange click = event("email_link_clicked", T, "1");

        assertThat(scoreAfter(List.of(click, click, event("email_link_clicked", T.plusSeconds(5), "1")))).isEqualTo("6");
    }

    @Test
    void positiveReplyCountsByStatusAndHardBounceSubtracts() {
        assertThat(scoreAfter(List.of(event("lead_interested", T, "1"),
                event("email_bounced", T.plusSeconds(60), "1").withAttributes(Map.of("bounce_type", "hard")))))
                .isEqualTo("0");
    }

    @Test
    void completedWithoutEngagementSubtractsAndCompletedAfterAnOpenDoesNot() {
        assertThat(scoreAfter(List.of(event("campaign_completed", T, "3")))).isEqualTo("-3");

        Planner other = new Planner(TestMappings.full(), new InMemoryFieldStateStore());
        other.plan(event("email_opened", T, "1"), ALL);
        assertThat(upserted(other.plan(event("campaign_completed", T.plusSeconds(60), "3"), ALL), HUBSPOT)).isEmpty();
    }

    @Test
    void anOpenBeforeTheCompletionArrivingLateGivesThePointsBack() {
        // given the completion arrived first and took 3 points
        planner.plan(event("campaign_completed", T.plusSeconds(600), "3"), ALL);

        // when the open that came before it arrives
        Plan late = planner.plan(event("email_opened", T, "1"), ALL);

        // then the score is what it would have been in order: +1, and no penalty
        assertThat(upserted(late, HUBSPOT)).isEqualTo(Map.of("sync_engagement_score", "1"));
    }
}
