package dev.crmsync.mappings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crmsync.core.mapping.ActivityRule;
import dev.crmsync.core.mapping.FieldRule;
import dev.crmsync.core.mapping.Mapping;
import dev.crmsync.core.mapping.StatusRule;
import dev.crmsync.core.mapping.SuppressionRule;
import dev.crmsync.core.model.CanonicalChange;
import dev.crmsync.core.model.Identity;
import dev.crmsync.core.model.SystemId;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DefaultMappingTest {
    private static final SystemId INSTANTLY = SystemId.of("instantly");
    private static final SystemId HUBSPOT = SystemId.of("hubspot");
    private static final SystemId SALESFORCE = SystemId.of("salesforce");

    private final MappingLoader loader = new MappingLoader();

    /** Every YAML file shipped at the module root, so a bad mapping fails the build rather than a sync run. */
    static Stream<Path> shippedMappingFiles() throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(Path.of(""))) {
            files = list.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().toList();
        }
        assertThat(files).contains(Path.of("default.yaml"));
        return files.stream();
    }

    @ParameterizedTest
    @MethodSource("shippedMappingFiles")
    void everyShippedMappingFileLoadsThroughSchemaAndLoader(Path file) {
        Mapping mapping = loader.load(file);

        assertThat(mapping.origin()).isEqualTo(file.toString());
        assertThat(mapping.statuses()).isNotEmpty();
    }

    @Test
    void packagedDefaultIsTheFileInTheSourceTree() throws IOException {
        String packaged;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(MappingLoader.DEFAULT_RESOURCE)) {
            assertThat(in).as("mappings/default.yaml on the class path").isNotNull();
            packaged = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }

        assertThat(packaged).isEqualTo(Files.readString(Path.of("default.yaml")));
        assertThat(loader.loadDefault().origin()).isEqualTo("classpath:mappings/default.yaml");
    }

    @Test
    void defaultNamesInstantlyHubSpotAndSalesforce() {
        assertThat(loader.loadDefault().systems()).containsExactlyInAnyOrder(INSTANTLY, HUBSPOT, SALESFORCE);
    }

    @Test
    void statusesKeepTheFilesPriorityOrder() {
        assertThat(loader.loadDefault().statuses()).extracting(StatusRule::name).containsExactly(
                "replied", "interested", "meeting_booked", "meeting_completed", "won", "not_interested", "out_of_office",
                "wrong_person", "deal_won", "deal_lost");
    }

    @Test
    void lifecycleStageOnlyMovesForward() {
        FieldRule rule = loader.loadDefault().fieldRule(HUBSPOT, "lifecyclestage").orElseThrow();

        assertThat(rule.isForwardOnly()).isTrue();
        assertThat(rule.rank("lead")).isLessThan(rule.rank("salesqualifiedlead"));
        assertThat(rule.rank("salesqualifiedlead")).isLessThan(rule.rank("opportunity"));
        assertThat(loader.loadDefault().fieldRule(SALESFORCE, "Status")).isEmpty();
    }

    @Test
    void replyCreatesANoteInHubSpotAndATaskInSalesforce() {
        List<ActivityRule> activities = loader.loadDefault().activities();

        assertThat(activities).filteredOn(rule -> rule.trigger().matches(change("reply_received", Map.of())))
                .singleElement().satisfies(rule -> {
                    assertThat(rule.source()).isEqualTo(INSTANTLY);
                    assertThat(rule.kinds()).isEqualTo(Map.of(HUBSPOT, "note", SALESFORCE, "task"));
                });
    }

    @Test
    void bookedMeetingCreatesATaskInBothCrms() {
        List<ActivityRule> activities = loader.loadDefault().activities();

        assertThat(activities).filteredOn(rule -> rule.trigger().matches(change("lead_meeting_booked", Map.of())))
                .singleElement().satisfies(rule -> {
                    assertThat(rule.source()).isEqualTo(INSTANTLY);
                    assertThat(rule.kinds()).isEqualTo(Map.of(HUBSPOT, "task", SALESFORCE, "task"));
                });
    }

    @Test
    void unsubscribeAndHardBounceSuppressButSoftBounceDoesNot() {
        List<SuppressionRule> rules = loader.loadDefault().suppressions();

        assertThat(reasonsFor(rules, change("lead_unsubscribed", Map.of()))).containsExactly("unsubscribed");
        assertThat(reasonsFor(rules, change("email_bounced", Map.of("bounce_type", "hard")))).containsExactly("hard_bounce");
        assertThat(reasonsFor(rules, change("email_bounced", Map.of("bounce_type", "soft")))).isEmpty();
    }

    private static List<String> reasonsFor(List<SuppressionRule> rules, CanonicalChange change) {
        return rules.stream().filter(r -> r.source().equals(change.source()) && r.trigger().matches(change))
                .map(SuppressionRule::reason).toList();
    }

    static CanonicalChange change(String eventType, Map<String, String> attributes) {
        return CanonicalChange.of(INSTANTLY, Identity.ofEmail("ann@example.com"), eventType, Instant.parse("2025-01-01T00:00:00Z"))
                .withAttributes(attributes);
    }
}
