package dev.crmsync.mappings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.crmsync.core.mapping.Mapping;
import dev.crmsync.core.model.SystemId;
import org.junit.jupiter.api.Test;

/** Which names the format accepts for systems, statuses, events and fields. */
class MappingNamesTest {
    private final MappingLoader loader = new MappingLoader();

    @Test
    void customLabelWithSpacesIsAnEventTypeAndCustomVariableAField() {
        Mapping mapping = loader.parse("inline.yaml", """
                version: 1
                systems: [instantly, hubspot]
                statuses:
                  demo_requested:
                    instantly: { on: [Demo Requested], when: { custom.Job Title: CTO } }
                    hubspot: { set: { lifecyclestage: opportunity } }
                """);

        assertThat(mapping.status("demo_requested").orElseThrow().triggers().get(SystemId.of("instantly")).events())
                .containsExactly("Demo Requested");
    }

    @Test
    void eventTypeWithATrailingSpaceIsRejected() {
        MappingException error = catchThrowableOfType(MappingException.class, () -> loader.parse("inline.yaml", """
                version: 1
                systems: [instantly]
                statuses:
                  replied:
                    instantly: { on: ["reply_received "] }
                """));

        assertThat(error.problems()).singleElement().satisfies(p -> {
            assertThat(p.keyPath()).isEqualTo("statuses.replied.instantly.on[0]");
            assertThat(p.message()).startsWith("'reply_received ' is not valid (expected an event type as the source sends it");
        });
    }

    @Test
    void capitalisedSystemIdIsRejectedWithItsLowerCaseSuggested() {
        MappingException error = catchThrowableOfType(MappingException.class, () -> loader.parse("inline.yaml", """
                version: 1
                systems: [instantly, HubSpot]
                statuses:
                  replied:
                    instantly: { on: [reply_received] }
                """));

        assertThat(error.problems()).singleElement().satisfies(p -> {
            assertThat(p).extracting(MappingProblem::line, MappingProblem::column, MappingProblem::keyPath)
                    .containsExactly(2, 22, "systems[1]");
            assertThat(p.message()).isEqualTo("'HubSpot' is not valid (expected a system id: lower-case letters,"
                    + " digits or '-', starting with a letter, e.g. hubspot)");
        });
    }

    @Test
    void statusNameIsSnakeCase() {
        MappingException error = catchThrowableOfType(MappingException.class, () -> loader.parse("inline.yaml", """
                version: 1
                systems: [instantly]
                statuses:
                  Meeting Booked:
                    instantly: { on: [lead_meeting_booked] }
                """));

        assertThat(error.problems()).singleElement().satisfies(p -> {
            assertThat(p).extracting(MappingProblem::line, MappingProblem::column, MappingProblem::keyPath)
                    .containsExactly(4, 3, "statuses.Meeting Booked");
            assertThat(p.message()).startsWith("'Meeting Booked' is not a valid key here (expected a status name");
        });
    }

    @Test
    void fieldNameStartingWithAnUnderscoreIsKeptForTheEngine() {
        MappingException error = catchThrowableOfType(MappingException.class, () -> loader.parse("inline.yaml", """
                version: 1
                systems: [instantly, hubspot]
                statuses:
                  replied:
                    instantly: { on: [reply_received] }
                    hubspot: { set: { _engagement.score: "1" } }
                """));

        assertThat(error.problems()).singleElement().satisfies(p -> {
            assertThat(p.keyPath()).isEqualTo("statuses.replied.hubspot.set._engagement.score");
            assertThat(p.message()).endsWith("not starting with '_' (kept for the engine's own state))");
        });
    }
}
