package dev.crmsync.mappings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.crmsync.core.mapping.Effect;
import dev.crmsync.core.mapping.Mapping;
import dev.crmsync.core.model.SystemId;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Values in {@code set} and {@code when} are text; YAML numbers and booleans are accepted as written. */
class SetAndWhenValuesTest {
    private static final SystemId INSTANTLY = SystemId.of("instantly");
    private static final SystemId HUBSPOT = SystemId.of("hubspot");

    private final MappingLoader loader = new MappingLoader();

    @Test
    void numbersAndBooleansBecomeTextAsWritten() {
        Mapping mapping = loader.parse("inline.yaml", """
                version: 1
                systems: [instantly, hubspot]
                statuses:
                  interested:
                    instantly: { on: [lead_interested], when: { verified: true }, set: { interest_value: 1 } }
                    hubspot: { set: { score: 1.50, negative: -2, flag: false, quoted: "007" } }
                """);

        assertThat(mapping.status("interested").orElseThrow().effectOn(INSTANTLY))
                .contains(Effect.set(Map.of("interest_value", "1")));
        assertThat(mapping.status("interested").orElseThrow().effectOn(HUBSPOT))
                .contains(Effect.set(Map.of("score", "1.50", "negative", "-2", "flag", "false", "quoted", "007")));
        assertThat(mapping.status("interested").orElseThrow().triggers().get(INSTANTLY).when())
                .isEqualTo(Map.of("verified", "true"));
    }

    @Test
    void emptyValueIsRejected() {
        MappingException error = catchThrowableOfType(MappingException.class, () -> loader.parse("inline.yaml", """
                version: 1
                systems: [instantly, hubspot]
                statuses:
                  interested:
                    instantly: { on: [lead_interested] }
                    hubspot: { set: { lifecyclestage: } }
                """));

        assertThat(error.problems()).singleElement().satisfies(p -> {
            assertThat(p.keyPath()).isEqualTo("statuses.interested.hubspot.set.lifecyclestage");
            assertThat(p.message()).isEqualTo("is empty (expected text (numbers and booleans are accepted and used as text))");
        });
    }

    @Test
    void whenWithoutOnTriggersOnTheConditionAlone() {
        Mapping mapping = loader.parse("inline.yaml", """
                version: 1
                systems: [instantly, hubspot]
                statuses:
                  meeting_booked:
                    hubspot: { when: { lifecyclestage: opportunity } }
                    instantly: { set: { interest_value: "2" } }
                """);

        assertThat(mapping.status("meeting_booked").orElseThrow().triggers().get(HUBSPOT).events()).isEmpty();
    }
}
