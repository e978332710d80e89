package dev.crmsync.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

/**
 * Webhook dedup keys are hashes of a JSON array of strings. The array is now written without Jackson's
 * serializer; a stored key must still match the key of the same event delivered again after an upgrade,
 * so the text has to be Jackson's, character for character, for any string a payload can carry.
 */
class FingerprintJsonArrayPropertyTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Provide
    Arbitrary<List<String>> parts() {
        // Every char, surrogate halves and control characters included, and null for a missing value.
        Arbitrary<String> any = Arbitraries.strings().all().ofMaxLength(40);
        Arbitrary<String> plain = Arbitraries.of("reply_received", "ann.lee@northwind.example", "2026-11-24T10:00:00.123Z",
                "a/b", "quote\"and\\backslash", "tab\tnewline\n", "\u2028\u2029", "caf\u00e9 \ud83d\ude00", "");
        return Arbitraries.oneOf(any, plain).injectNull(0.2).list().ofMaxSize(8);
    }

    @Property(tries = 2000)
    void hashIsTheSameAsOfJacksonsCompactArray(@ForAll("parts") List<String> parts) {
        ArrayNode array = JSON.createArrayNode();
        parts.forEach(array::add);
        assertThat(Fingerprint.sha256HexOfJsonArray(parts.toArray(String[]::new)))
                .isEqualTo(Fingerprint.sha256Hex(JSON.writeValueAsString(array)));
    }

    @Example
    void aKnownArrayHashesToItsKnownValue() {
        // sha256 of the text ["a",null,"b\"c"] (sha256sum): pinned, so a change to both paths at once shows too.
        assertThat(Fingerprint.sha256HexOfJsonArray("a", null, "b\"c"))
                .isEqualTo("02109241ccaf328895c631fac0bb6fa59e51d83959d435b2c728451e823c5306");
    }
}
