package dev.crmsync.service.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crmsync.core.model.CanonicalChange;
import dev.crmsync.core.model.Decision;
import dev.crmsync.core.model.Identity;
import dev.crmsync.core.model.SystemId;
import dev.crmsync.core.rules.Plan;
import dev.crmsync.core.rules.Planner;
import dev.crmsync.mappings.MappingLoader;
import dev.crmsync.service.TestDatabase;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * An upgrade to V10 folds the engagement score's per-event rows into one list per person: what was counted
 * before the upgrade still counts once after it, and the rest of the person's state is untouched.
 */
class EngagementStateUpgradeIT {
    private static final SystemId INSTANTLY = SystemId.of("instantly");
    private static final String ANN = "ann@leads.example";

    @Test
    void anEmailOpenedBeforeTheUpgradeCountsNothingWhenOpenedAgainAfterIt() {
        // given: a database at V9 holding ann's score of 4 from an open of email e-1 and a click on it
        TestDatabase.Db db = TestDatabase.fresh();
        DriverManagerDataSource source = new DriverManagerDataSource(db.url(), db.user(), db.password());
        Flyway.configure().dataSource(source).target("9").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(source);
        state(jdbc, "_engagement.open.e-1", "1", "2026-11-20T10:00:00Z");
        state(jdbc, "_engagement.click.e-1.1763633000000", "3", "2026-11-20T10:03:20Z");
        state(jdbc, "_engagement.engaged.c-1", "2026-11-20T10:00:00Z", "2026-11-20T10:00:00Z");
        state(jdbc, "_engagement.score", "4", "2026-11-20T10:03:20Z");

        // when
        Flyway.configure().dataSource(source).load().migrate();

        // then: one list instead of the two marker rows; the score and the campaign's first engagement stay
        assertThat(jdbc.queryForList("select field, value from field_state where record_key = ? order by field", ANN))
                .containsExactly(
                        Map.of("field", "_engagement.counted", "value", "[\"open.e-1\", \"click.e-1.1763633000000\"]"),
                        Map.of("field", "_engagement.engaged.c-1", "value", "2026-11-20T10:00:00Z"),
                        Map.of("field", "_engagement.score", "value", "4"));

        // and when ann opens e-1 again, and then opens e-2
        Planner planner = new Planner(new MappingLoader().loadDefault(), BatchFieldStateStore.load(jdbc, List.of(ANN)));
        Plan again = planner.plan(opened("e-1", "2026-11-22T09:00:00Z"), Set.of(INSTANTLY, SystemId.of("hubspot")));
        Plan next = planner.plan(opened("e-2", "2026-11-22T09:05:00Z"), Set.of(INSTANTLY, SystemId.of("hubspot")));

        // then: the repeated open counts nothing, the new one adds its point to the score from before the upgrade
        assertThat(again.commands()).isEmpty();
        assertThat(again.decisions()).extracting(Decision::reason)
                .contains("this email was opened before: repeated opens of one email count once");
        assertThat(next.decisions()).extracting(Decision::reason).anyMatch(r -> r.startsWith("engagement score 5 (open +1)"));
    }

    private static void state(JdbcTemplate jdbc, String field, String value, String at) {
        jdbc.update("insert into field_state (system, record_key, field, value, source, observed_at) "
                + "values ('instantly', ?, ?, ?, 'instantly', ?::timestamptz)", ANN, field, value, at);
    }

    private static CanonicalChange opened(String emailId, String at) {
        return CanonicalChange.of(INSTANTLY, Identity.ofEmail(ANN), "email_opened", Instant.parse(at))
                .withAttributes(Map.of("campaign_id", "c-1", "email_id", emailId));
    }
}
