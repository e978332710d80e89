package dev.crmsync.service.wiring;

import dev.crmsync.core.spi.ChangeFeed;
import dev.crmsync.service.metrics.CursorLagGauges;
import dev.crmsync.service.metrics.SyncMetrics;
import dev.crmsync.service.persistence.FeedLock;
import dev.crmsync.service.persistence.PolledPageStore;
import dev.crmsync.service.worker.FeedPoller;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** The pollers of systems without webhooks: one per adapter that offers a {@link ChangeFeed}, unless {@code sync.poll.enabled} is false. */
@Configuration(proxyBeanMethods = false)
class PollConfiguration {
    private static final Logger log = LoggerFactory.getLogger(PollConfiguration.class);

    @Bean
    PolledPageStore polledPageStore(JdbcTemplate jdbc) {
        return new PolledPageStore(jdbc);
    }

    @Bean
    CursorLagGauges cursorLagGauges(PolledPageStore store, MeterRegistry registry, ConnectedSystems systems, Clock clock) {
        return new CursorLagGauges(store, registry, systems.changeFeeds().keySet(), clock);
    }

    @Bean
    FeedPollers feedPollers(ConnectedSystems systems, PollProperties poll, PolledPageStore store, DatabaseServer database,
                            WorkerThreads workers, Clock clock, SyncMetrics metrics) {
        List<FeedPoller> pollers = new ArrayList<>();
        Map<String, ChangeFeed> feeds = systems.changeFeeds();
        if (!poll.enabled()) {
            if (!feeds.isEmpty()) {
                log.warn("sync.poll.enabled is false: changes of {} are not polled by this instance", feeds.keySet());
            }
            return new FeedPollers(pollers);
        }
        feeds.forEach((system, feed) -> {
            FeedPoller.Timing timing = new FeedPoller.Timing(poll.intervals().getOrDefault(system, feed.interval()),
                    poll.lockRetry(), poll.initialBackoff(), poll.maxBackoff());
            FeedLock lock = new FeedLock(system, database.jdbcUrl(), database.user(), database.password());
            pollers.add(new FeedPoller(system, feed, lock, store, poll.pageLimit(), timing, workers::inboundCommitted,
                    clock, metrics));
        });
        return new FeedPollers(pollers);
    }
}
