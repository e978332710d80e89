package dev.crmsync.service.reliability;

/**
 * The reliability suite's two lengths: the short form every build runs, and the long soak behind
 * {@code -Dsoak=true} (or {@code SOAK=1} in the environment). Each test picks its sizes with {@link #pick}.
 */
final class Soak {
    private Soak() {
    }

    static boolean enabled() {
        return Boolean.getBoolean("soak") || "1".equals(System.getenv("SOAK"));
    }

    static <T> T pick(T shortForm, T soak) {
        return enabled() ? soak : shortForm;
    }
}
