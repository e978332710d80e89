package dev.crmsync.service.web;

import dev.crmsync.core.spi.ParsedEvent;
import java.util.List;
import java.util.Optional;

/**
 * What the store can hold: checked after the adapter parsed a webhook and before anything is stored,
 * so a request PostgreSQL would refuse (a NUL character in a text column, an email too long for its
 * index) hears a 400 naming the bad value instead of failing the group commit it shares with other
 * senders' events, and an event type stays short enough to be a metric label.
 */
final class StorableEvents {
    static final int MAX_EVENT_TYPE = 100;
    /** A local part of 64 characters, the at sign and a domain of 255 (RFC 5321). */
    static final int MAX_EMAIL = 320;
    static final int MAX_DEDUP_KEY = 512;

    private StorableEvents() {
    }

    /** The first problem, naming the event when the request carried several; empty when all can be stored. */
    static Optional<String> problem(List<ParsedEvent> events) {
        for (int i = 0; i < events.size(); i++) {
            ParsedEvent e = events.get(i);
            String where = events.size() == 1 ? "" : "event [" + i + "] of " + events.size() + ": ";
            Optional<String> problem = check("event type", e.eventType(), MAX_EVENT_TYPE)
                    .or(() -> check("email address", e.email(), MAX_EMAIL))
                    .or(() -> check("event id", e.dedupKey(), MAX_DEDUP_KEY));
            if (problem.isPresent()) {
                return Optional.of(where + problem.get());
            }
        }
        return Optional.empty();
    }

    private static Optional<String> check(String what, String value, int max) {
        if (value == null) {
            return Optional.empty();
        }
        if (value.indexOf('\u0000') >= 0) {
            return Optional.of("the " + what + " contains a NUL character (\\u0000), which cannot be stored");
        }
        if (value.length() > max) {
            return Optional.of("the " + what + " is " + value.length() + " characters long; at most " + max
                    + " are accepted");
        }
        return Optional.empty();
    }
}
