package dev.crmsync.mappings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Mistakes in the ownership section, and writes it does not allow: each rejected at its line with the documented message. */
class OwnershipMistakesTest {
    private final MappingLoader loader = new MappingLoader();

    static List<MappingProblem> problemsIn(MappingLoader loader, String name) {
        Path file = MappingMistakesTest.resource(name);
        MappingException error = catchThrowableOfType(MappingException.class, () -> loader.load(file));
        assertThat(error).as("%s is rejected", name).isNotNull();
        return error.problems();
    }

    @Test
    void fieldWrittenOutsideEveryGroupIsMissingOwnership() {
        assertThat(problemsIn(loader, "missing-ownership.yaml")).singleElement().satisfies(p -> {
            assertThat(p).extracting(MappingProblem::line, MappingProblem::column, MappingProblem::keyPath)
                    .containsExactly(7, 46, "statuses.not_interested.hubspot.set.sync_lost_reason");
            assertThat(p.message()).isEqualTo("missing ownership: hubspot.sync_lost_reason is written here but is in no"
                    + " group under 'ownership' (expected it listed in ownership.<group>.fields.hubspot)");
        });
    }

    @Test
    void writeIntoAFieldWhoseGroupHasNoFlowFromTheSourceIsRejected() {
        assertThat(problemsIn(loader, "write-without-flow.yaml")).singleElement().satisfies(p -> {
            assertThat(p).extracting(MappingProblem::line, MappingProblem::keyPath)
                    .containsExactly(17, "fields.instantly.custom.job_title.to.hubspot");
            assertThat(p.message()).isEqualTo("hubspot.jobtitle is in group 'contact_info', whose flows"
                    + " (hubspot->instantly) do not let instantly write it (expected instantly->hubspot in"
                    + " ownership.contact_info.flows)");
        });
    }

    @Test
    void groupWithTwoWritersNeedsAConflictRule() {
        assertThat(problemsIn(loader, "missing-conflict-rule.yaml")).singleElement().satisfies(p -> {
            assertThat(p).extracting(MappingProblem::line, MappingProblem::keyPath).containsExactly(9, "ownership.lead_status");
            assertThat(p.message()).isEqualTo("group 'lead_status' has 2 writers (instantly, hubspot) but no conflict"
                    + " rule (expected conflict: latest-wins or conflict: { priority: [instantly, hubspot] })");
        });
    }

    @Test
    void fieldInTwoGroupsNamesTheFirstGroupAndItsLine() {
        assertThat(problemsIn(loader, "field-in-two-groups.yaml")).singleElement().satisfies(p -> {
            assertThat(p).extracting(MappingProblem::line, MappingProblem::keyPath)
                    .containsExactly(18, "ownership.engagement.fields.hubspot[1]");
            assertThat(p.message()).isEqualTo("hubspot.lifecyclestage is already in group 'lead_status' (line 9)"
                    + " (expected each field in one group)");
        });
    }

    @Test
    void flowToAnUnknownSystemIsNamedWithASuggestion() {
        assertThat(problemsIn(loader, "unknown-system-in-flow.yaml")).singleElement().satisfies(p -> {
            assertThat(p).extracting(MappingProblem::line, MappingProblem::keyPath).containsExactly(10, "ownership.engagement.flows[0]");
            assertThat(p.message()).isEqualTo("unknown system 'hubpsot' (expected one of the systems listed under"
                    + " 'systems': instantly, hubspot; did you mean 'hubspot'?)");
        });
    }

    @Test
    void flowMustStartAtASourceAndPriorityMustRankEveryWriter() {
        MappingException error = catchThrowableOfType(MappingException.class, () -> loader.parse("inline.yaml", """
                version: 1
                systems: [instantly, hubspot, salesforce]
                statuses:
                  replied:
                    instantly: { on: [reply_received] }
                ownership:
                  account_data:
                    source: [hubspot, salesforce]
                    flows: [hubspot->instantly, salesforce->instantly, instantly->hubspot]
                    conflict: { priority: [salesforce] }
                    fields:
                      instantly: [lead.company_name]
                """));

        assertThat(error.problems()).extracting(MappingProblem::keyPath, MappingProblem::message).containsExactly(
                tuple("ownership.account_data.flows[2]", "flow instantly->hubspot starts at"
                        + " instantly, which is not a source of 'account_data' (expected flows from: hubspot, salesforce,"
                        + " or source: both)"),
                tuple("ownership.account_data.conflict.priority", "priority does not rank"
                        + " hubspot, instantly, which writes 'account_data' (expected every system a flow starts from:"
                        + " hubspot, salesforce, instantly)"));
    }

    @Test
    void fileWithoutOwnershipSectionNeedsNoGroups() {
        assertThat(loader.parse("inline.yaml", """
                version: 1
                systems: [instantly, hubspot]
                statuses:
                  replied:
                    instantly: { on: [reply_received] }
                    hubspot: { set: { hs_lead_status: CONNECTED } }
                """).ownership().isDeclared()).isFalse();
    }
}
