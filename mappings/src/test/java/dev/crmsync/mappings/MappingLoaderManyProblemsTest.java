package dev.crmsync.mappings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.groups.Tuple.tuple;

import org.junit.jupiter.api.Test;

class MappingLoaderManyProblemsTest {
    private final MappingLoader loader = new MappingLoader();

    @Test
    void everyProblemIsReportedAtOnceInFileOrder() {
        String yaml = """
                version: 1
                systems: [instantly, hubspot]
                statuses:
                  replied:
                    instantly: { on: [reply_received], sett: { a: b } }
                    hubspot: nochange
                    salesforce: 5
                extra: true
                """;

        MappingException error = catchThrowableOfType(MappingException.class, () -> loader.parse("inline.yaml", yaml));

        assertThat(error.problems()).extracting(MappingProblem::line, MappingProblem::keyPath).containsExactly(
                tuple(5, "statuses.replied.instantly.sett"),
                tuple(6, "statuses.replied.hubspot"),
                tuple(7, "statuses.replied.salesforce"),
                tuple(8, "extra"));
        assertThat(error.getMessage().lines()).hasSize(4).allMatch(line -> line.startsWith("inline.yaml:"));
    }

    @Test
    void oneWrongTypeGivesOneProblemNotOnePerSchemaBranch() {
        String yaml = """
                version: 1
                systems: [instantly, hubspot]
                statuses:
                  replied:
                    instantly: { on: [reply_received] }
                    hubspot: 5
                """;

        MappingException error = catchThrowableOfType(MappingException.class, () -> loader.parse("inline.yaml", yaml));

        assertThat(error.problems()).singleElement().extracting(MappingProblem::message).isEqualTo(
                "is the number 5 (expected no-change, retry-later, or a block with on, when, and set or retry-later)");
    }

    @Test
    void crossReferencesAreCheckedOnlyOnceTheShapeIsRight() {
        String yaml = """
                version: 1
                systems: [instantly]
                statuses:
                  replied:
                    instantly: { on: [reply_received] }
                    hubspot: { set: [lifecyclestage] }
                """;

        MappingException error = catchThrowableOfType(MappingException.class, () -> loader.parse("inline.yaml", yaml));

        assertThat(error.problems()).singleElement().extracting(MappingProblem::keyPath)
                .isEqualTo("statuses.replied.hubspot.set");
    }
}
