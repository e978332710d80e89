package dev.crmsync.testkit.salesforce;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Checks a JWT bearer assertion as Salesforce does: RS256 under the app's certificate, {@code exp} not passed. */
final class JwtAssertion {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private JwtAssertion() {
    }

    /**
     * @return the claims as text
     * @throws IllegalArgumentException naming what is wrong (the {@code error_description} Salesforce would send)
     */
    static Map<String, String> verify(String assertion, PublicKey key, Instant now) {
        if (assertion == null) {
            throw new IllegalArgumentException("assertion missing");
        }
        String[] parts = assertion.split("\\.");
        if (parts.length != 3) {
            throw new IllegalArgumentException("invalid assertion: expected header.payload.signature");
        }
        JsonNode header = read(parts[0]);
        if (!"RS256".equals(header.path("alg").asString(""))) {
            throw new IllegalArgumentException("invalid assertion: algorithm must be RS256");
        }
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initVerify(key);
            rsa.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (!rsa.verify(Base64.getUrlDecoder().decode(parts[2]))) {
                throw new IllegalArgumentException("invalid assertion: signature does not verify");
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("invalid assertion: " + e.getMessage());
        }
        JsonNode payload = read(parts[1]);
        if (!payload.path("exp").canConvertToLong() || payload.path("exp").asLong() < now.getEpochSecond()) {
            throw new IllegalArgumentException("expired authorization code");
        }
        Map<String, String> claims = new LinkedHashMap<>();
        payload.properties().forEach(e -> claims.put(e.getKey(), e.getValue().asString("")));
        return claims;
    }

    private static JsonNode read(String part) {
        try {
            return JSON.readTree(Base64.getUrlDecoder().decode(part));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("invalid assertion: a part is not base64url JSON");
        }
    }
}
