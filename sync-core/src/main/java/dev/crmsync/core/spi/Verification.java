package dev.crmsync.core.spi;

/** The answer of a {@link WebhookVerifier}: verified, or rejected with a reason safe to show the sender. */
public sealed interface Verification permits Verification.Verified, Verification.Rejected {

    static Verification verified(String method) {
        return new Verified(method);
    }

    static Verification rejected(String reason) {
        return new Rejected(reason);
    }

    default boolean isVerified() {
        return this instanceof Verified;
    }

    /** @param method how the request proved itself (e.g. {@code secret-header}, {@code hmac}) */
    record Verified(String method) implements Verification {
    }

    /** @param reason what was wrong, without echoing any secret */
    record Rejected(String reason) implements Verification {
    }
}
