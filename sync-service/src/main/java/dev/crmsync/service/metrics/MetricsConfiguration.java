package dev.crmsync.service.metrics;

import dev.crmsync.service.wiring.ConnectedSystems;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

@Configuration(proxyBeanMethods = false)
class MetricsConfiguration {

    @Bean
    SyncMetrics syncMetrics(MeterRegistry registry) {
        return new SyncMetrics(registry);
    }

    @Bean
    BacklogGauges backlogGauges(JdbcTemplate jdbc, MeterRegistry registry, ConnectedSystems systems) {
        return new BacklogGauges(jdbc, registry, systems);
    }
}
