package dev.crmsync.adapter.hubspot;

import dev.crmsync.core.spi.AdapterContext;
import dev.crmsync.core.spi.CommandWriter;
import dev.crmsync.core.spi.SystemAdapter;
import java.util.Optional;

/**
 * HubSpot as a target: a {@link HubSpotCommandWriter} over the CRM v3 API. Webhook verification
 * and translation of HubSpot's change events come later, so those capabilities are empty for now.
 */
public final class HubSpotAdapter implements SystemAdapter {
    private final HubSpotCommandWriter writer;

    /** @throws dev.crmsync.core.spi.AdapterConfigException when the access token is missing */
    public HubSpotAdapter(HubSpotAdapterConfig config, AdapterContext context) {
        HubSpotClient client = new HubSpotClient(config.baseUrl(), config.requireAccessToken(), config.timeout(),
                context.rateLimit());
        this.writer = new HubSpotCommandWriter(client, config.batchSize());
    }

    @Override
    public String systemId() {
        return "hubspot";
    }

    @Override
    public Optional<CommandWriter> commandWriter() {
        return Optional.of(writer);
    }
}
