package dev.crmsync.core.spi;

import java.util.Optional;

/**
 * One connected system, configured and ready. Each capability is optional: a system that sends
 * no webhooks has no verifier, one we never write to has no writer. Built once by its
 * {@link AdapterProvider}; holds only final fields; thread-safe.
 */
public interface SystemAdapter extends AutoCloseable {

    String systemId();

    /** Checks the authenticity of webhooks this system sends; empty when it sends none. */
    default Optional<WebhookVerifier> webhookVerifier() {
        return Optional.empty();
    }

    /** Parses and translates this system's events; empty when it sends none. */
    default Optional<EventTranslator> eventTranslator() {
        return Optional.empty();
    }

    /** Writes commands to this system; empty when the engine never writes to it. */
    default Optional<CommandWriter> commandWriter() {
        return Optional.empty();
    }

    /** Tells who a record id of this system is; empty when the system's events always carry emails. */
    default Optional<IdentityResolver> identityResolver() {
        return Optional.empty();
    }

    /**
     * Manages this system's webhook subscriptions through its API (sync them to our endpoint, resume
     * the ones it disabled); empty when the system has no such API or no credentials to call it.
     */
    default Optional<WebhookSubscriptions> webhookSubscriptions() {
        return Optional.empty();
    }

    /** The system's changes as a polled feed, for systems that send no webhooks; empty otherwise. */
    default Optional<ChangeFeed> changeFeed() {
        return Optional.empty();
    }

    /** Pages through the system's records for backfill and reconcile jobs; empty when not supported. */
    default Optional<RecordSource> recordSource() {
        return Optional.empty();
    }

    /** Creates the custom fields the mapping writes when they are missing; empty when the system needs none. */
    default Optional<CustomFields> customFields() {
        return Optional.empty();
    }

    /** Hears the mapping in force, for adapters whose work depends on it; empty otherwise. */
    default Optional<MappingObserver> mappingObserver() {
        return Optional.empty();
    }

    /** Releases connections. Called once at shut-down. */
    @Override
    default void close() {
    }
}
