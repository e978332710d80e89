package dev.crmsync.testkit.instantly;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class InstantlySimulatorBlockListTest {
    private static final String BULK = "/api/v2/block-lists-entries/bulk-create";
    private static InstantlySimulator simulator;
    private static SimHttp http;

    @BeforeAll
    static void start() {
        simulator = InstantlySimulator.start();
        http = new SimHttp(simulator);
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @BeforeEach
    void reset() {
        simulator.reset();
    }

    @Test
    void bulkCreateAddsEveryValueInOneCallAndAnswersTheCreatedEntries() {
        // when
        SimHttp.Answer answer = http.post(BULK, "{\"bl_values\":[\"Ann@Example.com\",\"fabrikam.example\"]}");

        // then
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().isArray()).isTrue();
        assertThat(answer.body()).hasSize(2);
        assertThat(answer.body().get(1).path("is_domain").asBoolean()).isTrue();
        assertThat(simulator.isBlocked("ann@example.com")).isTrue();
        assertThat(simulator.isBlocked("anyone@fabrikam.example")).isTrue();
        assertThat(simulator.isBlocked("bob@example.com")).isFalse();
        assertThat(simulator.requestsByOperation()).containsExactly(Map.entry("block-lists-entries/bulk-create", 1));
    }

    @Test
    void bulkCreateLeavesOutValuesAlreadyListedAndValuesThatAreNeitherEmailNorDomain() {
        // given
        http.post(BULK, "{\"bl_values\":[\"ann@example.com\"]}");

        // when
        SimHttp.Answer answer = http.post(BULK, "{\"bl_values\":[\"ann@example.com\",\"not a value\",\"bob@example.com\"]}");

        // then
        assertThat(answer.body()).hasSize(1);
        assertThat(answer.body().get(0).path("bl_value").asString()).isEqualTo("bob@example.com");
        assertThat(simulator.blockList()).containsExactly("ann@example.com", "bob@example.com");
    }

    @Test
    void bulkCreateRefusesMoreThanAThousandValues() {
        // given
        String values = IntStream.range(0, 1_001).mapToObj(i -> "\"u" + i + "@example.com\"")
                .collect(Collectors.joining(","));

        // when
        SimHttp.Answer answer = http.post(BULK, "{\"bl_values\":[" + values + "]}");

        // then
        assertThat(answer.status()).isEqualTo(400);
        assertThat(simulator.blockList()).isEmpty();
    }

    @Test
    void singleCreateAndListPage() {
        // when
        SimHttp.Answer created = http.post("/api/v2/block-lists-entries", "{\"bl_value\":\"ann@example.com\"}");
        SimHttp.Answer listed = http.get("/api/v2/block-lists-entries?limit=10");

        // then
        assertThat(created.status()).isEqualTo(200);
        assertThat(created.body().path("bl_value").asString()).isEqualTo("ann@example.com");
        assertThat(listed.body().path("items")).hasSize(1);
    }
}
