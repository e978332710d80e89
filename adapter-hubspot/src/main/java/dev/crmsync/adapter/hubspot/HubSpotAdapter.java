package dev.crmsync.adapter.hubspot;

import dev.crmsync.core.spi.AdapterContext;
import dev.crmsync.core.spi.CommandWriter;
import dev.crmsync.core.spi.CustomFields;
import dev.crmsync.core.spi.MappingObserver;
import dev.crmsync.core.spi.RecordSource;
import dev.crmsync.core.spi.EventTranslator;
import dev.crmsync.core.spi.IdentityResolver;
import dev.crmsync.core.spi.SystemAdapter;
import dev.crmsync.core.spi.WebhookVerifier;
import java.net.http.HttpClient;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * HubSpot both ways: a {@link HubSpotCommandWriter} over the CRM v3 API, and its webhooks, verified by
 * signature v3 ({@link HubSpotWebhookVerifier}, only when the client secret is set) and translated by
 * {@link HubSpotEventTranslator}. {@link #contacts()} and {@link #deals()} read what webhooks leave out.
 * Also: custom properties the mapping writes ({@link HubSpotCustomProperties}), and contacts for backfill
 * ({@link HubSpotContactSource}). Calls authenticate with a static token or an OAuth app
 * ({@link OAuthTokens}) and keep within HubSpot's limits ({@link HubSpotRateLimits}).
 */
public final class HubSpotAdapter implements SystemAdapter {
    private final HubSpotCommandWriter writer;
    private final Optional<WebhookVerifier> verifier;
    private final HubSpotEventTranslator translator;
    private final HubSpotContacts contacts;
    private final HubSpotDeals deals;
    private final HubSpotCustomProperties properties;
    private final HubSpotMappedFields mappedFields = new HubSpotMappedFields();
    private final HubSpotContactSource contactSource;

    /** @throws dev.crmsync.core.spi.AdapterConfigException when neither a token nor an OAuth app is configured */
    public HubSpotAdapter(HubSpotAdapterConfig config, AdapterContext context) {
        config.requireCredentials();
        HttpClient http = HubSpotClient.http(config.timeout());
        AtomicReference<HubSpotClient> self = new AtomicReference<>();
        AccountTimeZone zone = new AccountTimeZone(config.limits().timeZone(), self::get, context.clock());
        HubSpotRateLimits limits = new HubSpotRateLimits(context.rateLimit(), context.clock(),
                new DailyBudget(context.clock(), zone, config.limits().dailyPacing()), config.limits().searchPerSecond());
        HubSpotClient client = new HubSpotClient(config.baseUrl(), credentials(config, http, context), config.timeout(),
                limits, http);
        self.set(client);
        this.writer = new HubSpotCommandWriter(client, config.batchSize());
        this.verifier = config.clientSecret().map(HubSpotWebhookVerifier::new);
        this.translator = new HubSpotEventTranslator(config.appId(), context.clientId());
        this.contacts = new HubSpotContacts(client);
        this.deals = new HubSpotDeals(client);
        this.properties = new HubSpotCustomProperties(client, config.limits().createProperties());
        this.contactSource = new HubSpotContactSource(client, mappedFields, context.clock());
    }

    private static HubSpotCredentials credentials(HubSpotAdapterConfig config, HttpClient http, AdapterContext context) {
        if (config.oauth().isEmpty()) {
            return HubSpotCredentials.fixed(config.accessToken().orElseThrow());
        }
        HubSpotAdapterConfig.OAuth oauth = config.oauth().get();
        return new OAuthTokens(new OAuthTokenEndpoint(config.baseUrl(), oauth.clientId(),
                config.clientSecret().orElseThrow(), config.timeout(), http), oauth.refreshToken(), context.clock());
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

    /** Creates the custom properties the mapping writes ({@code sync_*}) when they are missing. */
    @Override
    public Optional<CustomFields> customFields() {
        return Optional.of(properties);
    }

    /** Hears the mapping in force: contact snapshots carry the properties it reads. */
    @Override
    public Optional<MappingObserver> mappingObserver() {
        return Optional.of(mappedFields);
    }

    /** Contacts changed since a date, as {@code contact.snapshot} events, through CRM search. */
    @Override
    public Optional<RecordSource> recordSource() {
        return Optional.of(contactSource);
    }

    public HubSpotContacts contacts() {
        return contacts;
    }

    public HubSpotDeals deals() {
        return deals;
    }
}
