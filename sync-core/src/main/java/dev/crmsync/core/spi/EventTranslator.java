package dev.crmsync.core.spi;

import dev.crmsync.core.port.IdentityLookup;
import java.util.List;

/**
 * Turns a system's events into canonical changes, in two steps so nothing is lost:
 * {@link #parse} runs at ingress and extracts only what storing needs; {@link #translate} runs
 * later on a worker thread, against the stored payload, and may be re-run on replay.
 * Both are pure functions of their input, thread-safe, and do no I/O.
 */
public interface EventTranslator {

    /**
     * Splits a webhook body into storable events (one for Instantly, a batch for HubSpot).
     *
     * @throws MalformedEventException when the body is not a JSON object (or array where the
     *                                 system batches), or lacks an event type; the message says which
     */
    List<ParsedEvent> parse(byte[] body) throws MalformedEventException;

    /**
     * Translates one stored event. Never throws for an unknown event type: it returns
     * {@link Translation.Unrecognized} with the reason, and the event stays stored and visible.
     *
     * @param eventType the type stored at ingress
     * @param payload   the payload stored at ingress
     */
    Translation translate(String eventType, byte[] payload);

    /**
     * Translates one stored event whose person may be named only by this system's record id; the host's
     * {@code identities} turn such ids into emails. The default ignores the lookup, for systems whose
     * events always carry an email. May return {@link Translation.Unrecognized} when no email can be found.
     */
    default Translation translate(String eventType, byte[] payload, IdentityLookup identities) {
        return translate(eventType, payload);
    }
}
