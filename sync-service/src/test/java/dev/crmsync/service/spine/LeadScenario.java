package dev.crmsync.service.spine;

import dev.crmsync.service.InstantlyWebhooks;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * A seeded random history of Instantly events for many leads, and what HubSpot must hold after the
 * default mapping applied it: the oracle is written from the status table in DESIGN.md, not from
 * the engine's code.
 */
final class LeadScenario {
    static final List<String> STAGES = List.of("subscriber", "lead", "marketingqualifiedlead", "salesqualifiedlead",
            "opportunity", "customer", "evangelist", "other");
    private static final List<String> TYPES = List.of("reply_received", "lead_interested", "lead_meeting_booked",
            "lead_meeting_completed", "lead_not_interested", "lead_out_of_office", "lead_wrong_person",
            "email_bounced:hard", "email_bounced:soft", "lead_unsubscribed", "email_opened");

    record Event(String email, String type, Instant at, String body) {
    }

    private final List<Event> events = new ArrayList<>();
    private final Map<String, List<Event>> byLead = new HashMap<>();

    LeadScenario(long seed, int leads, int eventsPerLead) {
        Random random = new Random(seed);
        Instant start = Instant.parse("2026-11-01T09:00:00Z");
        for (int l = 0; l < leads; l++) {
            String email = "lead" + l + "@prospect" + (l % 7) + ".example";
            for (int i = 0; i < eventsPerLead; i++) {
                String type = TYPES.get(random.nextInt(TYPES.size()));
                Instant at = start.plusSeconds(l * 10_000L + i * 60L + random.nextInt(30));
                Map<String, Object> extra = new HashMap<>();
                String eventType = type;
                if (type.startsWith("email_bounced")) {
                    eventType = "email_bounced";
                    extra.put("bounce_type", type.substring(type.indexOf(':') + 1));
                }
                if (type.equals("reply_received")) {
                    extra.put("email_id", "reply-" + l + "-" + i);
                    extra.put("reply_text", "Thanks, let's talk next week (" + l + "/" + i + ")");
                    extra.put("unibox_url", "https://app.instantly.ai/app/unibox?thread=" + l + "-" + i);
                }
                // Spelling the email differently on some events must not split the person.
                String sent = i % 3 == 2 ? " " + email.toUpperCase() + " " : email;
                Event e = new Event(email, type, at, InstantlyWebhooks.event(eventType, sent, at, extra));
                events.add(e);
                byLead.computeIfAbsent(email, k -> new ArrayList<>()).add(e);
            }
        }
    }

    /** Every event once, plus {@code duplicateShare} of them again, in a shuffled (not timestamp) order. */
    List<String> deliveries(long seed, double duplicateShare) {
        Random random = new Random(seed);
        List<String> bodies = new ArrayList<>(events.stream().map(Event::body).toList());
        int duplicates = (int) Math.round(events.size() * duplicateShare);
        for (int i = 0; i < duplicates; i++) {
            bodies.add(events.get(random.nextInt(events.size())).body());
        }
        Collections.shuffle(bodies, random);
        return bodies;
    }

    List<String> leads() {
        return List.copyOf(byLead.keySet());
    }

    int replies(String email) {
        return (int) byLead.get(email).stream().filter(e -> e.type().equals("reply_received")).count();
    }

    int totalReplies() {
        return (int) events.stream().filter(e -> e.type().equals("reply_received")).count();
    }

    /** The HubSpot properties the default mapping must leave on this lead; empty if it never writes the lead. */
    Map<String, String> expectedProperties(String email) {
        Map<String, String> expected = new HashMap<>();
        int stage = -1;
        Event leadStatus = null;
        Event suppression = null;
        for (Event e : byLead.get(email)) {
            stage = Math.max(stage, STAGES.indexOf(switch (e.type()) {
                case "reply_received" -> "lead";
                case "lead_interested" -> "salesqualifiedlead";
                case "lead_meeting_booked", "lead_meeting_completed" -> "opportunity";
                case "lead_not_interested" -> "other";
                default -> "none";
            }));
            if (e.type().equals("reply_received") || e.type().equals("lead_wrong_person")) {
                leadStatus = later(leadStatus, e);
            }
            if (e.type().equals("lead_unsubscribed") || e.type().equals("email_bounced:hard")) {
                suppression = later(suppression, e);
            }
            if (e.type().equals("lead_not_interested")) {
                expected.put("sync_lost_reason", "Not interested");
            }
        }
        if (stage >= 0) {
            expected.put("lifecyclestage", STAGES.get(stage));
        }
        if (leadStatus != null) {
            expected.put("hs_lead_status", leadStatus.type().equals("reply_received") ? "CONNECTED" : "UNQUALIFIED");
        }
        if (suppression != null) {
            expected.put("sync_do_not_contact", "true");
            expected.put("sync_suppression_reason",
                    suppression.type().equals("lead_unsubscribed") ? "unsubscribed" : "hard_bounce");
        }
        return expected;
    }

    private static Event later(Event current, Event candidate) {
        return current == null || candidate.at().isAfter(current.at()) ? candidate : current;
    }

    Optional<Event> any() {
        return events.stream().findFirst();
    }
}
