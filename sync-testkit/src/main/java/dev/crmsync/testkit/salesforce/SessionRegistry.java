package dev.crmsync.testkit.salesforce;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Access tokens the token endpoint issued, each for one user, until a test expires them. Thread-safe. */
final class SessionRegistry {
    // Issued sessions are numbered in order; numbers outlive expiry so a test can still tell callers apart.
    private final Map<String, String> userBySession = new ConcurrentHashMap<>();
    private final Map<String, Integer> numberBySession = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();

    String issue(String userId) {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        String token = "00D000000000001!AQ" + HexFormat.of().formatHex(bytes);
        userBySession.put(token, userId);
        numberBySession.put(token, numberBySession.size() + 1);
        return token;
    }

    Optional<String> userOf(String sessionId) {
        return Optional.ofNullable(sessionId).map(userBySession::get);
    }

    /** The order in which the session was issued (1 for the first), so tests can tell clients apart. */
    int numberOf(String sessionId) {
        return numberBySession.getOrDefault(sessionId, 0);
    }

    void expireAll() {
        userBySession.clear();
    }
}
