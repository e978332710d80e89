package dev.crmsync.adapter.hubspot;

import dev.crmsync.core.spi.AdapterContext;
import dev.crmsync.core.spi.CommandWriter;
import dev.crmsync.core.spi.EventTranslator;
import dev.crmsync.core.spi.IdentityResolver;
import dev.crmsync.core.spi.SystemAdapter;
import dev.crmsync.core.spi.WebhookVerifier;
import java.util.Optional;

/**
 * HubSpot both ways: a {@link HubSpotCommandWriter} over the CRM v3 API, and its webhooks, verified by
 * signature v3 ({@link HubSpotWebhookVerifier}, only when the client secret is set) and translated by
 * {@link HubSpotEventTranslator}. {@link #contacts()} and {@link #deals()} read what webhooks leave out.
 */
public final class HubSpotAdapter implements SystemAdapter {
    private final HubSpotCommandWriter writer;
    private final Optional<WebhookVerifier> verifier;
    private final HubSpotEventTranslator translator;
    private final HubSpotContacts contacts;
    private final HubSpotDeals deals;

    /** @throws dev.crmsync.core.spi.AdapterConfigException when the access token is missing */
    public HubSpotAdapter(HubSpotAdapterConfig config, AdapterContext context) {
        HubSpotClient client = new HubSpotClient(config.baseUrl(), config.requireAccessToken(), config.timeout(),
                context.rateLimit());
        this.writer = new HubSpotCommandWriter(client, config.batchSize());
        this.verifier = config.clientSecret().map(HubSpotWebhookVerifier::new);
        this.translator = new HubSpotEventTranslator(config.appId(), context.clientId());
        this.contacts = new HubSpotContacts(client);
        this.deals = new HubSpotDeals(client);
    }

    @Override
    public String systemId() {
        return HubSpotAdapterProvider.SYSTEM_ID;
    }

    @Override
    public Optional<CommandWriter> commandWriter() {
        return Optional.of(writer);
    }

    /** Present only when {@code client-secret} is set: without it no webhook can be checked, so none is accepted. */
    @Override
    public Optional<WebhookVerifier> webhookVerifier() {
        return verifier;
    }

    @Override
    public Optional<EventTranslator> eventTranslator() {
        return Optional.of(translator);
    }

    /** Who a contact id is, and a deal's contacts: HubSpot's change events name records by id only. */
    @Override
    public Optional<IdentityResolver> identityResolver() {
        return Optional.of(new HubSpotIdentities(contacts, deals));
    }

    public HubSpotContacts contacts() {
        return contacts;
    }

    public HubSpotDeals deals() {
        return deals;
    }
}
