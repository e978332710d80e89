package dev.crmsync.testkit.salesforce;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Access tokens the token endpoint issued, each for one user, until a test expires them. Thread-safe. */
final class SessionRegistry {
    private final Map<String, String> userBySession = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();

    String issue(String userId) {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        String token = "00D000000000001!AQ" + HexFormat.of().formatHex(bytes);
        userBySession.put(token, userId);
        return token;
    }

    Optional<String> userOf(String sessionId) {
        return Optional.ofNullable(sessionId).map(userBySession::get);
    }

    void expireAll() {
        userBySession.clear();
    }
}
