package dev.crmsync.core.model;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One person, known by a normalised email and, as they become known, by an id per system.
 * {@link #toString()} never shows the email: it is personal data and must stay out of logs.
 */
public record Identity(String email, Map<SystemId, String> ids) {

    public Identity {
        email = normalise(Objects.requireNonNull(email, "email"));
        if (email.isEmpty()) {
            throw new IllegalArgumentException("email must not be blank");
        }
        ids = Map.copyOf(ids);
    }

    public static Identity ofEmail(String email) {
        return new Identity(email, Map.of());
    }

    /** Emails are compared trimmed and lower-cased, so {@code " Ann@X.io"} and {@code "ann@x.io"} are one person. */
    public static String normalise(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }

    public Identity withId(SystemId system, String id) {
        Map<SystemId, String> copy = new TreeMap<>(ids);
        copy.put(system, id);
        return new Identity(email, copy);
    }

    /** A short stable fingerprint of the email, safe for logs. */
    public String fingerprint() {
        return Fingerprint.of(email);
    }

    @Override
    public String toString() {
        return "Identity[email#" + fingerprint() + ", ids=" + ids + "]";
    }
}
