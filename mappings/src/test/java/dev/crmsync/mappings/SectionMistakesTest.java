package dev.crmsync.mappings;

import static dev.crmsync.mappings.OwnershipMistakesTest.problemsIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;

/** Mistakes in field transforms, the engagement score and the bounce policy, each at its line. */
class SectionMistakesTest {
    private final MappingLoader loader = new MappingLoader();

    @Test
    void unknownTransformIsNamedWithTheKnownOnesAndASuggestion() {
        assertThat(problemsIn(loader, "unknown-transform.yaml")).singleElement().satisfies(p -> {
            assertThat(p).extracting(MappingProblem::line, MappingProblem::column, MappingProblem::keyPath)
                    .containsExactly(11, 25, "fields.instantly.custom.seniority.transform[1]");
            assertThat(p.message()).isEqualTo("'lowercase' is not allowed (expected one of: lower-case, upper-case,"
                    + " trim; did you mean 'lower-case'?)");
        });
    }

    @Test
    void lookupWithoutTableIsAMissingKey() {
        assertThat(problemsIn(loader, "lookup-without-table.yaml")).singleElement().satisfies(p -> {
            assertThat(p).extracting(MappingProblem::line, MappingProblem::keyPath)
                    .containsExactly(13, "fields.instantly.custom.seniority.to.hubspot.transform[0].lookup");
            assertThat(p.message()).isEqualTo("missing required key 'table' (expected keys: table)");
        });
    }

    @Test
    void datePatternJavaCannotReadIsRejected() {
        assertThat(problemsIn(loader, "bad-date-pattern.yaml")).singleElement().satisfies(p -> {
            assertThat(p).extracting(MappingProblem::line, MappingProblem::keyPath)
                    .containsExactly(11, "fields.instantly.custom.meeting_date.transform[0].date.format");
            assertThat(p.message()).startsWith("'yyyy-MM-dd bb' is not a date pattern: ")
                    .endsWith("(expected a pattern such as yyyy-MM-dd, or iso, epoch-seconds, epoch-millis)");
        });
    }

    @Test
    void unknownStatusReferenceIsNamedWithASuggestion() {
        assertThat(problemsIn(loader, "unknown-status-reference.yaml")).singleElement().satisfies(p -> {
            assertThat(p).extracting(MappingProblem::line, MappingProblem::keyPath)
                    .containsExactly(11, "engagement.events.positive-reply.statuses[0]");
            assertThat(p.message()).isEqualTo("unknown status 'intrested' (expected one of the statuses: interested;"
                    + " did you mean 'interested'?)");
        });
    }

    @Test
    void pointsAreAWholeNumber() {
        assertThat(problemsIn(loader, "points-not-a-number.yaml")).singleElement().satisfies(p -> {
            assertThat(p).extracting(MappingProblem::line, MappingProblem::keyPath).containsExactly(11, "engagement.events.open.points");
            assertThat(p.message()).isEqualTo("is the text 'ten' (expected a whole number of points, negative to subtract, e.g. 3)");
        });
    }

    @Test
    void durationIsANumberAndAUnit() {
        assertThat(problemsIn(loader, "bad-duration.yaml")).singleElement().satisfies(p -> {
            assertThat(p).extracting(MappingProblem::line, MappingProblem::keyPath).containsExactly(11, "bounces.soft-to-hard-after");
            assertThat(p.message()).isEqualTo("'72 hours' is not valid (expected a duration: a whole number followed by"
                    + " s, m, h or d, e.g. 72h)");
        });
    }

    @Test
    void smallerMistakesAreEachReported() {
        MappingException error = catchThrowableOfType(MappingException.class, () -> loader.parse("inline.yaml", """
                version: 1
                systems: [instantly, hubspot]
                statuses:
                  out_of_office:
                    instantly: { on: [lead_out_of_office] }
                    hubspot: { set: { hs_lead_status: OPEN }, retry-later: 0s }
                fields:
                  instantly:
                    custom.title: { transform: [trim] }
                    custom.city: { to: { instantly: custom.town } }
                suppression:
                  - from: hubspot
                    reason: crm_do_not_contact
                    set: { instantly: { blocklisted: "true" } }
                engagement:
                  from: instantly
                  write-to: { hubspot: sync_engagement_score }
                  events:
                    click: { points: 3 }
                """));

        assertThat(error.problems()).extracting(MappingProblem::keyPath).containsExactly(
                "statuses.out_of_office.hubspot.retry-later",
                "statuses.out_of_office.hubspot.retry-later",
                "fields.instantly.custom.title.transform",
                "fields.instantly.custom.city.to.instantly",
                "suppression[0]",
                "engagement.events.click");
        assertThat(error.problems()).extracting(MappingProblem::message).containsExactly(
                "a block that sets fields cannot also retry later (expected either set or retry-later)",
                "'0s' is no wait at all (expected a positive duration, e.g. 24h)",
                "a transform without 'to' changes nothing (expected to: { system: field } next to it)",
                "a field mapped onto its own system (expected another system than instantly)",
                "a suppression rule without 'on' or 'when' would match every change (expected on: [event types]"
                        + " and/or when: { attribute: value })",
                "'click' says nothing about which changes count (expected on, when or statuses)");
    }
}
