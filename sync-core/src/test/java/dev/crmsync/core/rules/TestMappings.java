package dev.crmsync.core.rules;

import dev.crmsync.core.mapping.BounceRule;
import dev.crmsync.core.mapping.ConflictRule;
import dev.crmsync.core.mapping.Effect;
import dev.crmsync.core.mapping.EngagementRule;
import dev.crmsync.core.mapping.FieldGroup;
import dev.crmsync.core.mapping.FieldMapping;
import dev.crmsync.core.mapping.FieldRule;
import dev.crmsync.core.mapping.Flow;
import dev.crmsync.core.mapping.Mapping;
import dev.crmsync.core.mapping.Ownership;
import dev.crmsync.core.mapping.ScoreKind;
import dev.crmsync.core.mapping.ScoreRule;
import dev.crmsync.core.mapping.StatusRule;
import dev.crmsync.core.mapping.SuppressionRule;
import dev.crmsync.core.mapping.Transform;
import dev.crmsync.core.mapping.Trigger;
import dev.crmsync.core.model.CanonicalChange;
import dev.crmsync.core.model.Command;
import dev.crmsync.core.model.Decision;
import dev.crmsync.core.model.Identity;
import dev.crmsync.core.model.SystemId;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A mapping in the shape of mappings/default.yaml, built in Java (the loader lives in another module), and change builders. */
final class TestMappings {
    static final SystemId INSTANTLY = SystemId.of("instantly");
    static final SystemId HUBSPOT = SystemId.of("hubspot");
    static final SystemId SALESFORCE = SystemId.of("salesforce");
    static final Set<SystemId> ALL = Set.of(INSTANTLY, HUBSPOT, SALESFORCE);
    static final Identity ANN = Identity.ofEmail("ann@acme.example");
    static final String PERSON = ANN.email();
    static final Instant T = Instant.parse("2026-11-01T10:00:00Z");

    private TestMappings() {
    }

    static Mapping full() {
        return new Mapping("test", ALL, statuses(),
                Map.of(HUBSPOT, Map.of("lifecyclestage", FieldRule.forwardOnly("lifecyclestage",
                        List.of("subscriber", "lead", "salesqualifiedlead", "opportunity", "other")))),
                List.of(), List.of(new SuppressionRule(INSTANTLY, trigger(List.of("email_bounced"), Map.of("bounce_type", "hard")),
                        "hard_bounce", Map.of(HUBSPOT, Effect.set(Map.of("sync_do_not_contact", "true"))))))
                .withOwnership(new Ownership(List.of(
                        group("engagement", INSTANTLY, List.of("instantly->hubspot"), null,
                                Map.of(HUBSPOT, Set.of("sync_engagement_score"))),
                        new FieldGroup("lead_status", Set.of(INSTANTLY, HUBSPOT, SALESFORCE), flows("instantly->hubspot",
                                "instantly->salesforce", "hubspot->instantly", "salesforce->instantly"),
                                Optional.of(ConflictRule.latestWins()), Map.of(HUBSPOT, Set.of("lifecyclestage", "hs_lead_status"),
                                SALESFORCE, Set.of("Status"), INSTANTLY, Set.of("interest_value"))),
                        group("contact_info", HUBSPOT, List.of("hubspot->instantly"), null,
                                Map.of(HUBSPOT, Set.of("firstname", "jobtitle"), INSTANTLY, Set.of("lead.first_name", "custom.job_title"))),
                        group("suppression", HUBSPOT, List.of("hubspot->instantly"), null,
                                Map.of(HUBSPOT, Set.of("sync_do_not_contact"), INSTANTLY, Set.of("blocklisted"))))))
                .withFieldMappings(List.of(
                        new FieldMapping(HUBSPOT, "firstname", INSTANTLY, "lead.first_name", List.of(new Transform.Trim())),
                        new FieldMapping(HUBSPOT, "jobtitle", INSTANTLY, "custom.job_title", List.of()),
                        // Not allowed by contact_info's flows: planned, and refused at run time.
                        new FieldMapping(INSTANTLY, "custom.job_title", HUBSPOT, "jobtitle", List.of())))
                .withEngagement(new EngagementRule(INSTANTLY, Map.of(HUBSPOT, "sync_engagement_score"), List.of(
                        score(ScoreKind.OPEN, List.of("email_opened"), Map.of(), 1),
                        score(ScoreKind.CLICK, List.of("email_link_clicked"), Map.of(), 3),
                        new ScoreRule(ScoreKind.POSITIVE_REPLY, Optional.empty(), List.of("interested"), 10),
                        score(ScoreKind.BOUNCE, List.of("email_bounced"), Map.of("bounce_type", "hard"), -10),
                        score(ScoreKind.COMPLETED_WITHOUT_ENGAGEMENT, List.of("campaign_completed"), Map.of(), -3))))
                .withBounces(new BounceRule(INSTANTLY, trigger(List.of("email_bounced"), Map.of("bounce_type", "soft")),
                        Map.of("bounce_type", "hard"), Duration.ofHours(72),
                        List.of("email_opened", "email_link_clicked", "reply_received")));
    }

    private static List<StatusRule> statuses() {
        return List.of(
                status("replied", "reply_received", null, null, Map.of(HUBSPOT, Effect.set(ordered(
                        "lifecyclestage", "lead", "hs_lead_status", "CONNECTED")))),
                status("interested", "lead_interested", "1", "salesqualifiedlead", Map.of(
                        SALESFORCE, Effect.set(Map.of("Status", "Working - Contacted")))),
                status("meeting_booked", "lead_meeting_booked", "2", "opportunity", Map.of(
                        SALESFORCE, Effect.set(Map.of("Status", "Working - Meeting Set")))),
                status("not_interested", "lead_not_interested", "-1", "other", Map.of()),
                status("out_of_office", "lead_out_of_office", "0", null, Map.of(HUBSPOT, new Effect.NoChange(),
                        SALESFORCE, new Effect.RetryLater(Optional.of(Duration.ofHours(4))))));
    }

    /** An Instantly-triggered status; with a stage, also triggered by (and setting) HubSpot's lifecyclestage. */
    private static StatusRule status(String name, String event, String interest, String stage, Map<SystemId, Effect> others) {
        Map<SystemId, Trigger> triggers = new LinkedHashMap<>(Map.of(INSTANTLY, trigger(List.of(event), Map.of())));
        Map<SystemId, Effect> effects = new LinkedHashMap<>(others);
        if (interest != null) {
            effects.put(INSTANTLY, Effect.set(Map.of("interest_value", interest)));
        }
        if (stage != null) {
            triggers.put(HUBSPOT, trigger(List.of(), Map.of("lifecyclestage", stage)));
            effects.put(HUBSPOT, Effect.set(Map.of("lifecyclestage", stage)));
        }
        return new StatusRule(name, triggers, effects);
    }

    private static FieldGroup group(String name, SystemId source, List<String> flows, ConflictRule conflict,
                                    Map<SystemId, Set<String>> fields) {
        return new FieldGroup(name, Set.of(source), flows(flows.toArray(String[]::new)), Optional.ofNullable(conflict), fields);
    }

    private static List<Flow> flows(String... flows) {
        return List.of(flows).stream().map(Flow::parse).toList();
    }

    private static ScoreRule score(ScoreKind kind, List<String> events, Map<String, String> when, int points) {
        return new ScoreRule(kind, Optional.of(trigger(events, when)), List.of(), points);
    }

    static Trigger trigger(List<String> events, Map<String, String> when) {
        return new Trigger(events, when);
    }

    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    /** The fields of the plan's upsert to the target; empty when there is none. */
    static Map<String, String> upserted(Plan plan, SystemId target) {
        return plan.commands().stream().filter(c -> c instanceof Command.Upsert && c.target().equals(target))
                .map(c -> ((Command.Upsert) c).fields()).findFirst().orElse(Map.of());
    }

    /** The plan's decisions about one subject in one system. */
    static List<Decision> decisions(Plan plan, SystemId target, String subject) {
        return plan.decisions().stream().filter(d -> d.target().equals(target) && d.subject().equals(subject)).toList();
    }

    static CanonicalChange instantly(String type, Instant at) {
        return CanonicalChange.of(INSTANTLY, ANN, type, at);
    }

    /** A HubSpot property change, as the HubSpot translator reports one. */
    static CanonicalChange hubspot(Instant at, String field, String value) {
        return CanonicalChange.of(HUBSPOT, ANN, "contact.propertyChange", at).withFields(Map.of(field, value));
    }
}
