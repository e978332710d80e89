package dev.crmsync.service.reliability;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.crmsync.service.InstantlyWebhooks;
import dev.crmsync.service.RunningService;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Bad input for the webhook endpoints: hand-picked cases for each kind the reliability issue names,
 * and seeded random mutations of valid bodies (truncations, flipped bytes, spliced junk).
 */
final class FuzzCorpus {
    static final String INSTANTLY = "/webhooks/instantly";
    static final String HUBSPOT = "/webhooks/hubspot";
    static final Map<String, String> INSTANTLY_AUTH = Map.of("X-Webhook-Secret", RunningService.WEBHOOK_SECRET);
    private static final int MIB = 1024 * 1024;

    private final HubSpotSigning hubspot;

    FuzzCorpus(HubSpotSigning hubspot) {
        this.hubspot = hubspot;
    }

    static String valid(String email) {
        return InstantlyWebhooks.event("reply_received", email, Instant.now(),
                Map.of("email_id", "fuzz-" + email, "reply_text", "Fuzzed reply"));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(UTF_8);
    }

    private static FuzzCase bad(String name, String body) {
        return FuzzCase.rejected(name, INSTANTLY, INSTANTLY_AUTH, bytes(body));
    }

    List<FuzzCase> handPicked() {
        List<FuzzCase> cases = new ArrayList<>();
        String valid = valid("fuzz-valid@acme.example");
        // malformed and truncated JSON
        for (String body : List.of("", " ", "{", "}", "{\"event_type\":", "{\"event_type\":\"reply_received\",}",
                "not json", "{'event_type':'reply_received'}", "\"reply_received\"", "null", "42", "[]",
                "[{\"event_type\":\"reply_received\"}]", "{\"event_type\":\"reply_received\"}{}", "\uFEFF{")) {
            cases.add(bad("malformed " + body, body));
        }
        for (int cut = 1; cut < valid.length(); cut += 17) {
            cases.add(bad("truncated at " + cut, valid.substring(0, cut)));
        }
        // wrong types where the event type must be
        for (String type : List.of("5", "null", "[]", "{}", "true", "\"\"", "\"   \"")) {
            cases.add(bad("event_type " + type, "{\"event_type\":" + type + ",\"lead_email\":\"a@acme.example\"}"));
        }
        // wrong types elsewhere are stored for the trace (nothing lost), never a 5xx
        for (String field : List.of("lead_email", "timestamp", "campaign_id", "step", "email_id", "reply_text")) {
            for (String value : List.of("5", "{}", "[1,2]", "true", "null")) {
                cases.add(FuzzCase.anything(field + " = " + value, INSTANTLY, INSTANTLY_AUTH,
                        bytes(valid.replaceFirst("\\{", "{\"" + field + "\":" + value + ","))));
            }
        }
        // huge strings and arrays, under and over the 1 MiB limit
        cases.add(bad("900 KB lead_email", "{\"event_type\":\"reply_received\",\"lead_email\":\""
                + "a".repeat(900_000) + "@acme.example\"}"));
        cases.add(bad("200 KB event_type", "{\"event_type\":\"" + "x".repeat(200_000) + "\"}"));
        cases.add(bad("1 MiB string", "{\"event_type\":\"reply_received\",\"reply_text\":\"" + "x".repeat(MIB) + "\"}"));
        cases.add(FuzzCase.anything("900 KB reply text", INSTANTLY, INSTANTLY_AUTH,
                bytes(valid.replace("Fuzzed reply", "y".repeat(900_000)))));
        cases.add(FuzzCase.anything("100k element array", INSTANTLY, INSTANTLY_AUTH,
                bytes(valid.replaceFirst("\\{", "{\"tags\":[" + "1,".repeat(100_000) + "1],"))));
        cases.add(bad("10 MiB body", "{\"event_type\":\"reply_received\",\"pad\":\"" + "x".repeat(10 * MIB) + "\"}"));
        // deep nesting
        for (int depth : List.of(2_000, 100_000)) {
            cases.add(bad("nesting " + depth, "{\"event_type\":\"reply_received\",\"deep\":" + "[".repeat(depth)
                    + "]".repeat(depth) + "}"));
            cases.add(bad("bare nesting " + depth, "[".repeat(depth)));
        }
        // invalid UTF-8 and characters PostgreSQL text cannot hold
        cases.add(FuzzCase.rejected("invalid UTF-8 in a string", INSTANTLY, INSTANTLY_AUTH,
                splice(bytes(valid), bytes("Fuzzed"), new byte[] {(byte) 0xC3, 0x28, (byte) 0xFF, (byte) 0xFE})));
        cases.add(FuzzCase.rejected("overlong UTF-8", INSTANTLY, INSTANTLY_AUTH,
                splice(bytes(valid), bytes("Fuzzed"), new byte[] {(byte) 0xC0, (byte) 0xAF})));
        cases.add(bad("NUL in lead_email", valid.replace("fuzz-valid@", "fuzz\\u0000valid@")));
        cases.add(bad("NUL in event_type", valid.replace("\"reply_received\"", "\"reply\\u0000received\"")));
        cases.add(FuzzCase.anything("NUL in reply text", INSTANTLY, INSTANTLY_AUTH,
                bytes(valid.replace("Fuzzed reply", "Fuzzed\\u0000reply"))));
        cases.add(FuzzCase.anything("lone surrogate in lead_email", INSTANTLY, INSTANTLY_AUTH,
                bytes(valid.replace("fuzz-valid@", "fuzz\\ud800valid@"))));
        // credentials: wrong, replayed, stale
        cases.add(FuzzCase.rejected("no credentials", INSTANTLY, Map.of(), bytes(valid)));
        cases.add(FuzzCase.rejected("wrong secret", INSTANTLY, Map.of("X-Webhook-Secret", "guess"), bytes(valid)));
        cases.add(FuzzCase.rejected("bearer secret with a suffix", INSTANTLY,
                Map.of("Authorization", "Bearer " + RunningService.WEBHOOK_SECRET + "x"), bytes(valid)));
        cases.add(FuzzCase.rejected("stale HMAC timestamp", INSTANTLY,
                InstantlyHmac.headers(Instant.now().minusSeconds(400), bytes(valid)), bytes(valid)));
        cases.add(FuzzCase.rejected("future HMAC timestamp", INSTANTLY,
                InstantlyHmac.headers(Instant.now().plusSeconds(400), bytes(valid)), bytes(valid)));
        cases.add(FuzzCase.rejected("HMAC over another body", INSTANTLY,
                InstantlyHmac.headers(Instant.now(), bytes(valid("someone-else@acme.example"))), bytes(valid)));
        cases.add(FuzzCase.rejected("HMAC timestamp not a number", INSTANTLY,
                Map.of("X-Instantly-Timestamp", "yesterday", "X-Instantly-Signature", "00"), bytes(valid)));
        // content types
        for (String type : List.of("text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
                "application/xml")) {
            cases.add(bad("content type " + type, valid).withContentType(type));
        }
        // HubSpot: shape and signature
        String event = hubspot.event(101);
        for (String body : List.of("{}", "[]", "[1]", "[{}]", "[{\"subscriptionType\":5}]", "[" + event + ",[]]",
                "[" + event + ",", "")) {
            cases.add(hubspot.signed("hubspot " + body, body, Instant.now(), false));
        }
        cases.add(hubspot.signed("hubspot stale signature", "[" + event + "]", Instant.now().minusSeconds(600), false));
        cases.add(FuzzCase.rejected("hubspot unsigned", HUBSPOT, Map.of(), bytes("[" + event + "]")));
        cases.add(FuzzCase.rejected("hubspot wrong signature", HUBSPOT, Map.of("X-HubSpot-Signature-v3", "AAAA",
                "X-HubSpot-Request-Timestamp", Long.toString(Instant.now().toEpochMilli())), bytes("[" + event + "]")));
        cases.add(hubspot.signed("hubspot deep nesting", "[" + "[".repeat(50_000) + "]".repeat(50_000) + "]",
                Instant.now(), false));
        cases.add(hubspot.signed("hubspot invalid UTF-8", new String(new byte[] {'[', (byte) 0xC3, 0x28, ']'},
                java.nio.charset.StandardCharsets.ISO_8859_1), Instant.now(), false));
        return cases;
    }

    /** Seeded mutations of a valid Instantly body: any answer but a 5xx is fine, and only a 2xx stores. */
    List<FuzzCase> mutations(long seed, int count) {
        Random random = new Random(seed);
        List<FuzzCase> cases = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            byte[] body = bytes(valid("mutant" + i + "@acme.example"));
            int kind = random.nextInt(3);
            if (kind == 0) {
                body = java.util.Arrays.copyOf(body, random.nextInt(body.length));
            } else if (kind == 1) {
                for (int flips = 1 + random.nextInt(4); flips > 0; flips--) {
                    body[random.nextInt(body.length)] = (byte) random.nextInt(256);
                }
            } else {
                byte[] junk = new byte[1 + random.nextInt(12)];
                random.nextBytes(junk);
                int at = random.nextInt(body.length);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                out.write(body, 0, at);
                out.writeBytes(junk);
                out.write(body, at, body.length - at);
                body = out.toByteArray();
            }
            cases.add(FuzzCase.anything("mutation " + i + " (seed " + seed + ")", INSTANTLY, INSTANTLY_AUTH, body));
        }
        return cases;
    }

    private static byte[] splice(byte[] body, byte[] marker, byte[] replacement) {
        String text = new String(body, java.nio.charset.StandardCharsets.ISO_8859_1);
        int at = text.indexOf(new String(marker, java.nio.charset.StandardCharsets.ISO_8859_1));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(body, 0, at);
        out.writeBytes(replacement);
        out.write(body, at + marker.length, body.length - at - marker.length);
        return out.toByteArray();
    }
}
