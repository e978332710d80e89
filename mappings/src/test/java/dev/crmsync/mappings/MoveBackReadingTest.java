package dev.crmsync.mappings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmsync.core.mapping.FieldRule;
import dev.crmsync.core.model.SystemId;
import org.junit.jupiter.api.Test;

/** {@code move-back} on a forward-only field: whether a newer value behind the current stage is written. */
class MoveBackReadingTest {
    private static final SystemId HUBSPOT = SystemId.of("hubspot");
    private final MappingLoader loader = new MappingLoader();

    private static String mapping(String fieldBlock) {
        return """
                version: 1
                systems: [instantly, hubspot]
                statuses:
                  interested:
                    instantly: { on: [lead_interested] }
                    hubspot: { set: { lifecyclestage: salesqualifiedlead } }
                fields:
                  hubspot:
                    lifecyclestage:
                """ + fieldBlock;
    }

    @Test
    void clearFirstLetsTheStageMoveBack() {
        FieldRule rule = loader.parse("inline.yaml", mapping("""
                      forward-only: [lead, salesqualifiedlead, customer]
                      move-back: clear-first
                """)).fieldRule(HUBSPOT, "lifecyclestage").orElseThrow();

        assertThat(rule.clearsToMoveBack()).isTrue();
        assertThat(rule.isBackward("customer", "salesqualifiedlead")).isTrue();
    }

    @Test
    void withoutMoveBackOrWithNeverTheStageOnlyMovesForward() {
        assertThat(loader.parse("inline.yaml", mapping("""
                      forward-only: [lead, salesqualifiedlead, customer]
                      move-back: never
                """)).fieldRule(HUBSPOT, "lifecyclestage").orElseThrow().clearsToMoveBack()).isFalse();
        assertThat(loader.loadDefault().fieldRule(HUBSPOT, "lifecyclestage").orElseThrow().clearsToMoveBack())
                .isFalse();
    }

    @Test
    void moveBackWithoutForwardOnlyOrWithAnUnknownWayIsAnError() {
        assertThatThrownBy(() -> loader.parse("inline.yaml", mapping("""
                      move-back: clear-first
                """))).isInstanceOf(MappingException.class).hasMessageContaining("forward-only");
        assertThatThrownBy(() -> loader.parse("inline.yaml", mapping("""
                      forward-only: [lead, salesqualifiedlead, customer]
                      move-back: always
                """))).isInstanceOf(MappingException.class).hasMessageContaining("move-back");
    }
}
