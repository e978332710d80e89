package dev.crmsync.service.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.crmsync.service.InstantlyWebhooks;
import dev.crmsync.service.RunningService;
import dev.crmsync.service.TestDatabase;
import dev.crmsync.testkit.hubspot.HubSpotSimulator;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * {@code docs/alerts.yml} matches the code: well-formed Prometheus rules, each pointing at a runbook
 * section that exists, and every metric and label value they select exposed by a running service.
 */
class AlertRulesIT {
    private static final Path ALERTS = Path.of("..", "docs", "alerts.yml");
    private static final Path RUNBOOK = Path.of("..", "docs", "operations.md");
    private static final Pattern SELECTOR = Pattern.compile("\\b(sync_[a-z0-9_]+)\\b(\\{([^}]*)})?");
    private static final Pattern EQUALS_MATCHER = Pattern.compile("([a-z_]+)\\s*=\\s*\"([^\"]*)\"");
    private static final Pattern DURATION = Pattern.compile("\\d+[smhdw]");

    private static HubSpotSimulator hubspot;
    private static RunningService service;
    private static List<String> samples;

    @BeforeAll
    static void runTheServiceThroughWhatTheRulesWatch() throws Exception {
        hubspot = HubSpotSimulator.start();
        // The lead status 'wrong person' maps to is missing in this HubSpot: that write is dead-lettered.
        hubspot.defineProperty("contacts", "hs_lead_status", List.of("NEW", "OPEN", "CONNECTED"));
        service = RunningService.start(RunningService.settings(TestDatabase.fresh(), hubspot));
        InstantlyWebhooks webhooks = new InstantlyWebhooks(service.uri("/webhooks/instantly"));
        Instant now = Instant.now();
        webhooks.post(InstantlyWebhooks.event("reply_received", "ann@acme.example", now,
                Map.of("email_id", "r-1", "reply_text", "Let's talk")));
        webhooks.post(InstantlyWebhooks.event("lead_wrong_person", "bob@acme.example", now, Map.of()));
        webhooks.post(InstantlyWebhooks.event("account_error", null, now, Map.of("error_type", "smtp_auth_failed")));
        webhooks.send(HttpRequest.newBuilder(service.uri("/webhooks/instantly")).header("X-Webhook-Secret", "wrong")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
        await().atMost(Duration.ofSeconds(60)).until(() -> service.isDrained() && service.jdbc()
                .queryForObject("select count(*) from dead_letter", Long.class) == 1);
        String scrape = webhooks.send(HttpRequest.newBuilder(service.uri("/actuator/prometheus")).GET()).body();
        samples = scrape.lines().filter(line -> !line.startsWith("#") && !line.isBlank()).toList();
    }

    @AfterAll
    static void stop() {
        service.close();
        hubspot.close();
    }

    private static List<JsonNode> rules() throws Exception {
        JsonNode root = YAMLMapper.builder().build().readTree(Files.readString(ALERTS));
        List<JsonNode> rules = new ArrayList<>();
        root.path("groups").forEach(group -> group.path("rules").forEach(rules::add));
        return rules;
    }

    @Test
    void everyRuleIsAnAlertWithExpressionSeverityAndRunbook() throws Exception {
        List<JsonNode> rules = rules();
        assertThat(rules).hasSizeGreaterThanOrEqualTo(5);
        Set<String> names = new HashSet<>();
        for (JsonNode rule : rules) {
            String name = rule.path("alert").asString();
            assertThat(name).as("alert name").matches("[A-Z][A-Za-z0-9]+");
            assertThat(names.add(name)).as("alert %s named once", name).isTrue();
            assertThat(rule.path("expr").asString()).as("%s expr", name).isNotBlank();
            if (rule.has("for")) {
                assertThat(rule.path("for").asString()).as("%s for", name).matches(DURATION);
            }
            assertThat(rule.path("labels").path("severity").asString()).as("%s severity", name)
                    .isIn("warning", "critical");
            assertThat(rule.path("annotations").path("summary").asString()).as("%s summary", name).isNotBlank();
        }
    }

    @Test
    void everyRunbookLinkNamesASectionOfTheOperationsGuide() throws Exception {
        Set<String> anchors = new HashSet<>();
        for (String line : Files.readAllLines(RUNBOOK)) {
            if (line.startsWith("#")) {
                anchors.add(line.replaceFirst("^#+\\s*", "").trim().toLowerCase()
                        .replaceAll("[^a-z0-9 -]", "").replace(' ', '-'));
            }
        }
        for (JsonNode rule : rules()) {
            String runbook = rule.path("annotations").path("runbook").asString();
            assertThat(runbook).as("%s runbook", rule.path("alert").asString()).startsWith("docs/operations.md#");
            assertThat(anchors).as("sections of operations.md").contains(runbook.substring(runbook.indexOf('#') + 1));
        }
    }

    @Test
    void everyMetricAndLabelValueTheRulesSelectIsExposed() throws Exception {
        for (JsonNode rule : rules()) {
            Matcher selector = SELECTOR.matcher(rule.path("expr").asString());
            int found = 0;
            while (selector.find()) {
                found++;
                String metric = selector.group(1);
                List<String> series = samples.stream().filter(s -> s.startsWith(metric + "{") || s.startsWith(metric + " "))
                        .toList();
                assertThat(series).as("%s in %s is exposed at /actuator/prometheus", metric, rule.path("alert").asString())
                        .isNotEmpty();
                Matcher label = EQUALS_MATCHER.matcher(selector.group(3) == null ? "" : selector.group(3));
                while (label.find()) {
                    String pair = label.group(1) + "=\"" + label.group(2) + "\"";
                    assertThat(series).as("a %s series with %s", metric, pair).anyMatch(s -> s.contains(pair));
                }
            }
            assertThat(found).as("%s selects at least one of our metrics", rule.path("alert").asString()).isPositive();
        }
    }
}
