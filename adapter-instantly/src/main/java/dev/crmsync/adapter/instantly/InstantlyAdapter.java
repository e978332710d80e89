package dev.crmsync.adapter.instantly;

import dev.crmsync.core.spi.AdapterContext;
import dev.crmsync.core.spi.EventTranslator;
import dev.crmsync.core.spi.SystemAdapter;
import dev.crmsync.core.spi.WebhookVerifier;
import java.util.Objects;
import java.util.Optional;

/** Instantly as the engine sees it: webhooks in, events translated; no writer yet (the API v2 client comes later). */
final class InstantlyAdapter implements SystemAdapter {
    private final InstantlyWebhookVerifier verifier;
    private final InstantlyEventTranslator translator;

    InstantlyAdapter(InstantlyAdapterConfig config, AdapterContext context) {
        Objects.requireNonNull(config, "config");
        // The context (clock, rate budget) is for the API v2 client, which this adapter does not have yet.
        Objects.requireNonNull(context, "context");
        this.verifier = new InstantlyWebhookVerifier(config.webhookSecret(), config.signatureTolerance());
        this.translator = new InstantlyEventTranslator();
    }

    @Override
    public String systemId() {
        return InstantlyAdapterProvider.SYSTEM_ID;
    }

    @Override
    public Optional<WebhookVerifier> webhookVerifier() {
        return Optional.of(verifier);
    }

    @Override
    public Optional<EventTranslator> eventTranslator() {
        return Optional.of(translator);
    }
}
