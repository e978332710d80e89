package dev.crmsync.testkit.hubspot;

import static dev.crmsync.testkit.hubspot.SimHttp.input;
import static dev.crmsync.testkit.hubspot.SimHttp.upsertBody;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HubSpotSimulatorLifecycleStageTest {
    private static final String UPSERT = "/crm/v3/objects/contacts/batch/upsert";
    private HubSpotSimulator simulator;
    private SimHttp http;

    @BeforeEach
    void start() {
        simulator = HubSpotSimulator.start();
        http = new SimHttp(simulator);
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    private SimHttp.Answer setStage(String stage) {
        return http.post(UPSERT, upsertBody(false, input("ann@example.com", "lifecyclestage", stage)));
    }

    @Test
    void stageMovesForward() {
        // when
        setStage("lead");
        setStage("opportunity");

        // then
        assertThat(simulator.contact("ann@example.com").orElseThrow()).containsEntry("lifecyclestage", "opportunity");
    }

    @Test
    void backwardStageIsAcceptedButIgnored() {
        // given
        setStage("opportunity");

        // when
        SimHttp.Answer answer = setStage("lead");

        // then
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().path("results").path(0).path("properties").path("lifecyclestage").asString())
                .isEqualTo("opportunity");
        assertThat(simulator.contact("ann@example.com").orElseThrow()).containsEntry("lifecyclestage", "opportunity");
    }

    @Test
    void clearingTheStageFirstLetsAnEarlierStageBeSet() {
        // given
        setStage("customer");

        // when
        setStage("");
        setStage("lead");

        // then
        assertThat(simulator.contact("ann@example.com").orElseThrow()).containsEntry("lifecyclestage", "lead");
    }

    @Test
    void otherIsTheLastStage() {
        // given
        setStage("customer");

        // when
        setStage("other");
        setStage("salesqualifiedlead");

        // then
        assertThat(simulator.contact("ann@example.com").orElseThrow()).containsEntry("lifecyclestage", "other");
    }
}
