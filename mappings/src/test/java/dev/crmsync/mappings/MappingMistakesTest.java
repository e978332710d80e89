package dev.crmsync.mappings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One file per kind of mistake (src/test/resources/dev/crmsync/mappings/, named after the mistake),
 * each rejected with the documented message at the line and column of the offending key.
 */
class MappingMistakesTest {
    private final MappingLoader loader = new MappingLoader();

    @Test
    void unknownSystemIsNamedWithTheListedOnesAndASuggestion() {
        assertThat(problemsIn("unknown-system.yaml")).singleElement().satisfies(p -> {
            assertThat(p).extracting(MappingProblem::line, MappingProblem::column, MappingProblem::keyPath)
                    .containsExactly(7, 5, "statuses.interested.hubspt");
            assertThat(p.message()).isEqualTo("unknown system 'hubspt' (expected one of the systems listed under"
                    + " 'systems': instantly, hubspot; did you mean 'hubspot'?)");
        });
    }

    @Test
    void scalarWhereAListIsExpectedIsAWrongType() {
        assertThat(problemsIn("wrong-type.yaml")).singleElement().satisfies(p -> {
            assertThat(p).extracting(MappingProblem::line, MappingProblem::column, MappingProblem::keyPath)
                    .containsExactly(7, 7, "statuses.replied.instantly.on");
            assertThat(p.message()).isEqualTo("is the text 'reply_received' (expected a list of event types,"
                    + " any of which triggers the rule, e.g. [reply_received])");
        });
    }

    @Test
    void keyWrittenTwiceIsReportedAtTheSecondWithTheLineOfTheFirst() {
        assertThat(problemsIn("duplicate-key.yaml")).singleElement().satisfies(p -> {
            assertThat(p).extracting(MappingProblem::line, MappingProblem::column, MappingProblem::keyPath)
                    .containsExactly(11, 3, "statuses.interested");
            assertThat(p.message()).isEqualTo("duplicate key 'interested' (expected each key once in a block;"
                    + " first written at line 5)");
        });
    }

    @Test
    void missingStatusesSectionIsReportedAtTheTopLevel() {
        assertThat(problemsIn("missing-statuses.yaml")).singleElement().satisfies(p -> {
            assertThat(p).extracting(MappingProblem::line, MappingProblem::column, MappingProblem::keyPath)
                    .containsExactly(2, 1, "");
            assertThat(p.message()).isEqualTo("missing required key 'statuses' (expected keys: version, systems, statuses)");
        });
    }

    @Test
    void unknownTopLevelKeyIsAnErrorNotIgnored() {
        assertThat(problemsIn("unknown-top-level-key.yaml")).singleElement().satisfies(p -> {
            assertThat(p).extracting(MappingProblem::line, MappingProblem::column, MappingProblem::keyPath)
                    .containsExactly(8, 1, "supression");
            assertThat(p.message()).isEqualTo("unknown key 'supression' (expected one of: version, systems, statuses,"
                    + " fields, activities, suppression, ownership, engagement, bounces; did you mean 'suppression'?)");
        });
    }

    @Test
    void invalidYamlReportsWhereTheParserFailedAndWhereTheConstructStarted() {
        assertThat(problemsIn("invalid-yaml.yaml")).singleElement().satisfies(p -> {
            assertThat(p).extracting(MappingProblem::line, MappingProblem::column).containsExactly(4, 9);
            assertThat(p.message()).startsWith("invalid YAML: ")
                    .contains("flow sequence that starts at line 3, column 10");
        });
    }

    @Test
    void forwardOnlyValueMustBeOneOfTheFieldsStages() {
        assertThat(problemsIn("forward-only-value-not-a-stage.yaml")).singleElement().satisfies(p -> {
            assertThat(p).extracting(MappingProblem::line, MappingProblem::column, MappingProblem::keyPath)
                    .containsExactly(7, 23, "statuses.interested.hubspot.set.lifecyclestage");
            assertThat(p.message()).isEqualTo("'sales-qualified-lead' is not a stage of forward-only field"
                    + " hubspot.lifecyclestage (expected one of: lead, salesqualifiedlead, opportunity;"
                    + " did you mean 'salesqualifiedlead'?)");
        });
    }

    @Test
    void activityKindIsNoteOrTask() {
        assertThat(problemsIn("unknown-activity-kind.yaml")).singleElement().satisfies(p -> {
            assertThat(p).extracting(MappingProblem::line, MappingProblem::column, MappingProblem::keyPath)
                    .containsExactly(10, 15, "activities[0].create.hubspot");
            assertThat(p.message()).isEqualTo("'email' is not allowed (expected one of: note, task)");
        });
    }

    @Test
    void statusThatNoSystemTriggersIsAnError() {
        assertThat(problemsIn("status-without-trigger.yaml")).singleElement().satisfies(p -> {
            assertThat(p).extracting(MappingProblem::line, MappingProblem::column, MappingProblem::keyPath)
                    .containsExactly(7, 3, "statuses.qualified");
            assertThat(p.message()).startsWith("status 'qualified' has no trigger");
        });
    }

    @Test
    void errorMessageNamesTheFileLineColumnAndKey() {
        Path file = resource("unknown-system.yaml");

        MappingException error = catchThrowableOfType(MappingException.class, () -> loader.load(file));

        assertThat(error.getMessage()).isEqualTo(file + ":7:5: statuses.interested.hubspt: unknown system 'hubspt'"
                + " (expected one of the systems listed under 'systems': instantly, hubspot; did you mean 'hubspot'?)");
    }

    @Test
    void missingFileIsReportedWithItsPath() {
        MappingException error = catchThrowableOfType(MappingException.class, () -> loader.load(Path.of("no-such-mapping.yaml")));

        assertThat(error.getMessage()).isEqualTo("no-such-mapping.yaml: no such file (expected a mapping file at this path)");
    }

    private List<MappingProblem> problemsIn(String name) {
        Path file = resource(name);
        MappingException error = catchThrowableOfType(MappingException.class, () -> loader.load(file));
        assertThat(error).as("%s is rejected", name).isNotNull();
        assertThat(error.problems()).allSatisfy(p -> assertThat(p.file()).isEqualTo(file.toString()));
        return error.problems();
    }

    static Path resource(String name) {
        URL url = MappingMistakesTest.class.getResource(name);
        assertThat(url).as("test resource %s", name).isNotNull();
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
