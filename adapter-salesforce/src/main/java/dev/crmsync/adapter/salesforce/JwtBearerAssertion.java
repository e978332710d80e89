package dev.crmsync.adapter.salesforce;

import dev.crmsync.core.spi.AdapterConfigException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;

/**
 * The JWT of Salesforce's OAuth 2.0 JWT bearer flow, signed RS256 with the JDK: {@code iss} the connected app's
 * client id, {@code sub} the user, {@code aud} the login URL, {@code exp} three minutes ahead (Salesforce
 * accepts at most five).
 */
final class JwtBearerAssertion {
    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    private final PrivateKey key;

    private JwtBearerAssertion(PrivateKey key) {
        this.key = key;
    }

    /** @throws AdapterConfigException when the file is unreadable or not a PKCS#8 PEM RSA private key */
    static JwtBearerAssertion fromPemFile(Path file) {
        String pem;
        try {
            pem = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new AdapterConfigException("salesforce jwt-key-file: expected a readable PEM file, found "
                    + e.getClass().getSimpleName() + " for '" + file + "'", 0, e);
        }
        if (!pem.contains("-----BEGIN PRIVATE KEY-----")) {
            throw new AdapterConfigException("salesforce jwt-key-file: expected a PKCS#8 PEM private key "
                    + "(-----BEGIN PRIVATE KEY-----) in '" + file + "'; convert an RSA key with "
                    + "openssl pkcs8 -topk8 -nocrypt");
        }
        String base64 = pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
        try {
            return new JwtBearerAssertion(KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64))));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new AdapterConfigException("salesforce jwt-key-file: expected an RSA private key in '" + file
                    + "', found " + e.getClass().getSimpleName(), 0, e);
        }
    }

    String sign(String clientId, String username, String audience, Instant now) {
        String header = URL.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String claims = "{\"iss\":" + json(clientId) + ",\"sub\":" + json(username) + ",\"aud\":" + json(audience)
                + ",\"exp\":" + now.plusSeconds(180).getEpochSecond() + "}";
        String signingInput = header + "." + URL.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(key);
            rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + URL.encodeToString(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA256withRSA is part of every JDK", e);
        }
    }

    private static String json(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
