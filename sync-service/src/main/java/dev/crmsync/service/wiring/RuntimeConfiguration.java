package dev.crmsync.service.wiring;

import dev.crmsync.service.alerts.AccountErrorAlert;
import dev.crmsync.service.alerts.SlackNotifier;
import dev.crmsync.service.metrics.SyncMetrics;
import dev.crmsync.service.persistence.CommandCodec;
import dev.crmsync.service.persistence.DeadLetterRepository;
import dev.crmsync.service.persistence.InboundEventStore;
import dev.crmsync.service.persistence.OutboxRepository;
import dev.crmsync.service.worker.IngestFlood;
import dev.crmsync.service.worker.WebhookWatchdog;
import java.net.URI;
import java.time.Clock;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.function.SingletonSupplier;

/** The persistence objects and the background threads (workers, dispatchers, listener). */
@Configuration(proxyBeanMethods = false)
class RuntimeConfiguration {

    @Bean
    CommandCodec commandCodec() {
        return new CommandCodec();
    }

    @Bean(destroyMethod = "close")
    InboundEventStore inboundEventStore(DataSource dataSource, SyncProperties properties,
                                        org.springframework.beans.factory.ObjectProvider<WorkerThreads> threads) {
        // Resolved once: looking the bean up through the provider on every commit cost the committers as
        // much CPU as the insert (issue 9's ingest profile).
        SingletonSupplier<WorkerThreads> workers = SingletonSupplier.of(threads::getIfAvailable);
        return new InboundEventStore(dataSource, properties.ingest().committers(), properties.ingest().maxBatch(),
                () -> {
                    WorkerThreads w = workers.get();
                    if (w != null) {
                        w.inboundCommitted();
                    }
                });
    }

    @Bean
    OutboxRepository outboxRepository(JdbcTemplate jdbc, TransactionTemplate tx, CommandCodec codec) {
        return new OutboxRepository(jdbc, tx, codec);
    }

    @Bean
    DeadLetterRepository deadLetterRepository(JdbcTemplate jdbc, TransactionTemplate tx, CommandCodec codec) {
        return new DeadLetterRepository(jdbc, tx, codec);
    }

    @Bean
    WorkerThreads workerThreads(JdbcTemplate jdbc, PlatformTransactionManager transactions, ConnectedSystems systems,
                                MappingHolder mapping, CommandCodec codec, OutboxRepository outbox, DatabaseServer database,
                                SyncProperties properties, Clock clock, SyncMetrics metrics,
                                AccountErrorAlert accountErrorAlert, IngestFlood flood) {
        return new WorkerThreads(jdbc, transactions, systems, mapping, codec, outbox, database, properties, clock,
                metrics, accountErrorAlert, flood);
    }

    @Bean
    IngestFlood ingestFlood(SyncProperties properties) {
        return new IngestFlood(properties.ingest().floodRequests());
    }

    /** Alerts on {@code account_error} events; posts to Slack when {@code SLACK_WEBHOOK_URL} is set. */
    @Bean(destroyMethod = "close")
    AccountErrorAlert accountErrorAlert(SyncProperties properties, SyncMetrics metrics) {
        String url = properties.alerts().slackWebhookUrl();
        Optional<SlackNotifier> slack = url == null || url.isBlank()
                ? Optional.empty() : Optional.of(new SlackNotifier(URI.create(url.trim())));
        return new AccountErrorAlert(metrics, slack);
    }

    @Bean
    WebhookWatchdog webhookWatchdog(ConnectedSystems systems, JdbcTemplate jdbc, TransactionTemplate tx, Clock clock,
                                    SyncProperties properties, SyncMetrics metrics, InboundEventStore inbound) {
        return new WebhookWatchdog(systems.allWebhookSubscriptions(), jdbc, tx, clock,
                properties.watchdog().interval(), metrics, inbound);
    }
}
