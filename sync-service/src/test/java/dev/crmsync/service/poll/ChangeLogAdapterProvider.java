package dev.crmsync.service.poll;

import dev.crmsync.core.config.AdapterConfig;
import dev.crmsync.core.config.ConfigSpec;
import dev.crmsync.core.spi.AdapterContext;
import dev.crmsync.core.spi.AdapterProvider;
import dev.crmsync.core.spi.ChangeFeed;
import dev.crmsync.core.spi.SystemAdapter;
import java.net.URI;
import java.util.Optional;

/**
 * A test-only system without webhooks, registered through META-INF/services like a real adapter. It has
 * no credentials (so it never changes how sandbox mode is decided) and offers its change feed only when
 * {@code sync.adapters.changelog.url} names a {@link ChangeLogServer}: other tests see an inert adapter.
 */
public final class ChangeLogAdapterProvider implements AdapterProvider {
    static final String SYSTEM = "changelog";
    private static final ConfigSpec SPEC = ConfigSpec.builder()
            .optional("url", URI.class, null, "The ChangeLogServer to poll; unset: no change feed")
            .build();

    @Override
    public String systemId() {
        return SYSTEM;
    }

    @Override
    public ConfigSpec configSpec() {
        return SPEC;
    }

    @Override
    public SystemAdapter create(AdapterConfig config, AdapterContext context) {
        Optional<ChangeFeed> feed = config.string("url").map(url -> new ChangeLogFeed(URI.create(url)));
        return new SystemAdapter() {
            @Override
            public String systemId() {
                return SYSTEM;
            }

            @Override
            public Optional<ChangeFeed> changeFeed() {
                return feed;
            }
        };
    }
}
