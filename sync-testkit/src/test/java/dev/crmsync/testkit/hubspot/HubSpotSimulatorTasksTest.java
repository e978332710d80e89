package dev.crmsync.testkit.hubspot;

import static dev.crmsync.testkit.hubspot.SimHttp.input;
import static dev.crmsync.testkit.hubspot.SimHttp.upsertBody;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HubSpotSimulatorTasksTest {
    private static HubSpotSimulator simulator;
    private static SimHttp http;

    @BeforeAll
    static void start() {
        simulator = HubSpotSimulator.start();
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

    private String contact(String email) {
        http.post("/crm/v3/objects/contacts/batch/upsert", upsertBody(false, input(email)));
        return simulator.contactId(email).orElseThrow();
    }

    private static String task(String traceId, String contactId, String key, int associationType) {
        return "{\"objectWriteTraceId\":\"" + traceId + "\",\"properties\":{\"hs_task_subject\":\"Meeting booked\","
                + "\"hs_task_status\":\"NOT_STARTED\",\"hs_timestamp\":\"1767607200000\",\"sync_activity_key\":\""
                + key + "\"},\"associations\":[{\"to\":{\"id\":\"" + contactId + "\"},\"types\":[{"
                + "\"associationCategory\":\"HUBSPOT_DEFINED\",\"associationTypeId\":" + associationType + "}]}]}";
    }

    @Test
    void batchCreateAssociatesTasksWithTheirContactAndSearchFindsThemByKey() {
        String ann = contact("ann@example.com");

        SimHttp.Answer created = http.post("/crm/v3/objects/tasks/batch/create", "{\"inputs\":["
                + task("t0", ann, "k-1", 204) + "]}");
        SimHttp.Answer found = http.post("/crm/v3/objects/tasks/search", "{\"filterGroups\":[{\"filters\":[{"
                + "\"propertyName\":\"sync_activity_key\",\"operator\":\"IN\",\"values\":[\"k-1\",\"k-2\"]}]}],"
                + "\"properties\":[\"sync_activity_key\"]}");

        assertThat(created.status()).isEqualTo(201);
        assertThat(simulator.tasksFor("ann@example.com")).singleElement()
                .satisfies(t -> assertThat(t).containsEntry("hs_task_status", "NOT_STARTED")
                        .containsEntry("hs_timestamp", "2026-01-05T10:00:00Z"));
        assertThat(simulator.noteCount()).isZero();
        assertThat(found.body().path("results")).singleElement()
                .satisfies(r -> assertThat(r.path("properties").path("sync_activity_key").asString()).isEqualTo("k-1"));
        assertThat(simulator.requestsByOperation()).containsEntry("tasks/batch/create", 1)
                .containsEntry("tasks/search", 1);
    }

    @Test
    void aTaskWithTheNoteAssociationTypeOrABadStatusFailsAlone() {
        String ann = contact("ann@example.com");

        SimHttp.Answer answer = http.post("/crm/v3/objects/tasks/batch/create", "{\"inputs\":["
                + task("t0", ann, "k-1", 202) + "," + task("t1", ann, "k-2", 204).replace("NOT_STARTED", "SOON")
                + "," + task("t2", ann, "k-3", 204) + "]}");

        assertThat(answer.status()).isEqualTo(207);
        assertThat(answer.body().path("numErrors").asInt()).isEqualTo(2);
        assertThat(simulator.tasksFor("ann@example.com")).extracting(t -> t.get("sync_activity_key"))
                .isEqualTo(List.of("k-3"));
    }
}
