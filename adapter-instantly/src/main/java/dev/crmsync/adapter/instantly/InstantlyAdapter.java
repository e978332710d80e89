package dev.crmsync.adapter.instantly;

import dev.crmsync.core.spi.AdapterContext;
import dev.crmsync.core.spi.CommandWriter;
import dev.crmsync.core.spi.EventTranslator;
import dev.crmsync.core.spi.RecordSource;
import dev.crmsync.core.spi.SystemAdapter;
import dev.crmsync.core.spi.WebhookSubscriptions;
import dev.crmsync.core.spi.WebhookVerifier;
import java.util.Objects;
import java.util.Optional;

/**
 * Instantly as the engine sees it: webhooks in, events translated, and, when {@code INSTANTLY_API_KEY}
 * is set, commands written through the API v2 client. Without a key the adapter still verifies and
 * translates webhooks; it just has no writer and does not manage webhook subscriptions.
 */
final class InstantlyAdapter implements SystemAdapter {
    private final InstantlyWebhookVerifier verifier;
    private final InstantlyEventTranslator translator;
    private final Optional<CommandWriter> writer;
    private final Optional<WebhookSubscriptions> subscriptions;
    private final Optional<RecordSource> records;

    InstantlyAdapter(InstantlyAdapterConfig config, AdapterContext context) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(context, "context");
        this.verifier = new InstantlyWebhookVerifier(config.webhookSecret(), config.signatureTolerance());
        this.translator = new InstantlyEventTranslator();
        Optional<InstantlyClient> client = config.apiKey().map(key -> InstantlyClient.from(config, context));
        this.writer = client.map(c -> new InstantlyCommandWriter(c, config.batchSize(), config.stoppedListId()));
        this.subscriptions = client.map(InstantlyWebhookSubscriptions::new);
        this.records = client.map(InstantlyRecordSource::new);
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

    @Override
    public Optional<CommandWriter> commandWriter() {
        return writer;
    }

    /** Present only with an API key: subscriptions are managed through the API. */
    @Override
    public Optional<WebhookSubscriptions> webhookSubscriptions() {
        return subscriptions;
    }

    /** Present only with an API key: leads are paged through the API, as {@code lead.snapshot} events. */
    @Override
    public Optional<RecordSource> recordSource() {
        return records;
    }
}
