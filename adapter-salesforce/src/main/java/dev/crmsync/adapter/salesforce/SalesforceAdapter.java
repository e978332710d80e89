package dev.crmsync.adapter.salesforce;

import dev.crmsync.core.spi.AdapterConfigException;
import dev.crmsync.core.spi.AdapterContext;
import dev.crmsync.core.spi.ChangeFeed;
import dev.crmsync.core.spi.CommandWriter;
import dev.crmsync.core.spi.EventTranslator;
import dev.crmsync.core.spi.IdentityResolver;
import dev.crmsync.core.spi.RecordSource;
import dev.crmsync.core.spi.SystemAdapter;
import java.util.Optional;

/**
 * Salesforce both ways over the partner API: a {@link SalesforceCommandWriter}, a polled
 * {@link SalesforceChangeFeed} with its {@link SalesforceEventTranslator}, a {@link SalesforceRecordSource} for
 * backfills and an identity resolver. No webhooks: Salesforce's changes are polled. The session is fetched on
 * the first call, not at construction, so the service starts while Salesforce is unreachable.
 */
public final class SalesforceAdapter implements SystemAdapter {
    private final SalesforceCommandWriter writer;
    private final SalesforceChangeFeed feed;
    private final SalesforceEventTranslator translator;
    private final SalesforceRecordSource records;
    private final SalesforceIdentityResolver identities;

    /** @throws AdapterConfigException when no grant is configured or the JWT key cannot be read */
    public SalesforceAdapter(SalesforceAdapterConfig config, AdapterContext context) {
        if (config.grant() instanceof SalesforceGrant.NotConfigured) {
            throw new AdapterConfigException("salesforce client-id is not set: set SALESFORCE_CLIENT_ID with "
                    + "SALESFORCE_CLIENT_SECRET (client-credentials grant), plus SALESFORCE_USERNAME and "
                    + "SALESFORCE_PASSWORD (password grant), or SALESFORCE_USERNAME and SALESFORCE_JWT_KEY_FILE "
                    + "(JWT bearer grant)");
        }
        SalesforceTokenProvider tokens = new SalesforceTokenProvider(config, context.clock());
        SalesforceApiBudget budget = new SalesforceApiBudget(context.rateLimit(), config.apiShare(),
                config.limitPause(), context.clock());
        SalesforceCalls calls = new SalesforceCalls(tokens, budget, config.maxConcurrentCalls(), context.clientId(),
                context.clock());
        SalesforceRecords recordFields = new SalesforceRecords(config.org());
        this.writer = new SalesforceCommandWriter(calls, config.org(), context.clientId(), config.batchSize(),
                config.lookupBatchSize());
        this.feed = new SalesforceChangeFeed(calls, recordFields, config.feed(), context.clock());
        this.translator = new SalesforceEventTranslator(config.org(), context.clientId());
        this.records = new SalesforceRecordSource(calls, recordFields, config.feed().objects());
        this.identities = new SalesforceIdentityResolver(calls);
    }

    @Override
    public String systemId() {
        return SalesforceAdapterProvider.SYSTEM_ID;
    }

    @Override
    public Optional<CommandWriter> commandWriter() {
        return Optional.of(writer);
    }

    @Override
    public Optional<EventTranslator> eventTranslator() {
        return Optional.of(translator);
    }

    @Override
    public Optional<ChangeFeed> changeFeed() {
        return Optional.of(feed);
    }

    @Override
    public Optional<RecordSource> recordSource() {
        return Optional.of(records);
    }

    @Override
    public Optional<IdentityResolver> identityResolver() {
        return Optional.of(identities);
    }
}
