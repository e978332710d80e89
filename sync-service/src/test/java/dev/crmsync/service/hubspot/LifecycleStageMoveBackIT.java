package dev.crmsync.service.hubspot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crmsync.service.instantly.InstantlyAndHubSpot;
import dev.crmsync.testkit.hubspot.ContactWrite;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * HubSpot only moves a lifecycle stage forward and ignores a backward set. When the mapping asks for backward
 * moves ({@code move-back: clear-first}), a newer status behind the current stage is written the way HubSpot
 * documents: the stage is cleared in one request and set in a second, never both in one batch.
 */
class LifecycleStageMoveBackIT {
    private static final String ANN = "ann@acme.example";

    @TempDir
    Path dir;

    private Path mappingThatMovesBack() throws Exception {
        String yaml;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("mappings/default.yaml")) {
            yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(yaml).contains("move-back: never");
        Path file = dir.resolve("moves-back.yaml");
        Files.writeString(file, yaml.replace("move-back: never", "move-back: clear-first"));
        return file;
    }

    @Test
    void aCustomerWhoIsInterestedAgainMovesBackToSqlThroughAClearAndASet() throws Exception {
        try (InstantlyAndHubSpot sync = new InstantlyAndHubSpot(Map.of("sync.mappings",
                mappingThatMovesBack().toString()))) {
            sync.subscribe(sync.webhookEndpoint());
            sync.addLead(ANN);
            // given a contact a rep made a customer
            sync.hubspot.repEdit(ANN, Map.of("lifecyclestage", "customer"));
            sync.settle();
            int writesBefore = sync.hubspot.contactWrites(ANN).size();

            // when Instantly later labels the lead interested (Sales Qualified Lead by the mapping)
            sync.instantly.sendEvent("lead_interested", ANN, Map.of()).get();
            sync.settle();

            // then HubSpot got a clear, then a set, in two requests, and the contact is at SQL
            List<ContactWrite> stageWrites = sync.hubspot.contactWrites(ANN).stream().skip(writesBefore)
                    .filter(w -> w.requested().containsKey("lifecyclestage")).toList();
            assertThat(stageWrites).extracting(w -> w.requested().get("lifecyclestage"))
                    .containsExactly("", "salesqualifiedlead");
            assertThat(stageWrites.get(0).request()).as("separate requests").isNotEqualTo(stageWrites.get(1).request());
            assertThat(stageWrites.get(0).requested()).as("the clear carries nothing else")
                    .containsOnlyKeys("lifecyclestage");
            assertThat(sync.hubspot.contact(ANN).orElseThrow()).containsEntry("lifecyclestage", "salesqualifiedlead");

            // and the trace shows the decision to move back and the two calls
            List<JsonNode> trace = sync.trace(ANN);
            assertThat(trace).anySatisfy(entry -> {
                assertThat(entry.path("type").asString()).isEqualTo("decision");
                assertThat(entry.path("subject").asString()).isEqualTo("lifecyclestage");
                assertThat(entry.path("reason").asString()).contains("moves lifecyclestage back from 'customer'");
            });
            assertThat(trace).anySatisfy(entry -> {
                assertThat(entry.path("type").asString()).isEqualTo("call");
                assertThat(entry.path("detail").asString()).contains("clearing [lifecyclestage] first, then HTTP 200");
            });
            // and neither our clear nor our set came back as a change
            assertThat(sync.instantly.interestUpdates(ANN)).as("only the won status from the rep's edit")
                    .isEqualTo(1);
        }
    }

    @Test
    void withTheDefaultMappingALaterInterestedNeverMovesACustomerBack() throws Exception {
        try (InstantlyAndHubSpot sync = new InstantlyAndHubSpot()) {
            sync.subscribe(sync.webhookEndpoint());
            sync.addLead(ANN);
            sync.hubspot.repEdit(ANN, Map.of("lifecyclestage", "customer"));
            sync.settle();

            sync.instantly.sendEvent("lead_interested", ANN, Map.of()).get();
            sync.settle();

            assertThat(sync.hubspot.contact(ANN).orElseThrow()).containsEntry("lifecyclestage", "customer");
            assertThat(sync.hubspot.contactWrites(ANN)).noneMatch(w -> "".equals(w.requested().get("lifecyclestage")));
            assertThat(sync.trace(ANN)).anySatisfy(entry ->
                    assertThat(entry.path("outcome").asString()).isEqualTo("skipped-backward"));
        }
    }
}
