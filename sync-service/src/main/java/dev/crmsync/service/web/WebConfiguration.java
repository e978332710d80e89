package dev.crmsync.service.web;

import dev.crmsync.core.config.Secret;
import dev.crmsync.service.metrics.SyncMetrics;
import dev.crmsync.service.persistence.InboundEventStore;
import dev.crmsync.service.wiring.AdminToken;
import dev.crmsync.service.wiring.ConnectedSystems;
import dev.crmsync.service.wiring.SyncProperties;
import dev.crmsync.service.worker.IngestFlood;
import io.micrometer.observation.ObservationPredicate;
import java.time.Clock;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.observation.ServerRequestObservationContext;

@Configuration(proxyBeanMethods = false)
class WebConfiguration {

    @Bean
    FilterRegistrationBean<AdminTokenFilter> adminTokenFilter(AdminToken adminToken) {
        FilterRegistrationBean<AdminTokenFilter> registration =
                new FilterRegistrationBean<>(new AdminTokenFilter(Secret.of(adminToken.value().reveal())));
        registration.addUrlPatterns("/admin", "/admin/*");
        registration.setOrder(0);
        return registration;
    }

    @Bean
    FilterRegistrationBean<SecurityHeadersFilter> securityHeadersFilter() {
        FilterRegistrationBean<SecurityHeadersFilter> registration = new FilterRegistrationBean<>(new SecurityHeadersFilter());
        registration.addUrlPatterns("/*");
        registration.setOrder(-1);
        return registration;
    }

    /** Webhooks bypass Spring MVC's dispatcher: see {@link WebhookController}. */
    @Bean
    ServletRegistrationBean<WebhookController> webhookServlet(ConnectedSystems systems, InboundEventStore store,
                                                             SyncProperties properties, Clock clock, SyncMetrics metrics,
                                                             IngestFlood flood) {
        ServletRegistrationBean<WebhookController> registration = new ServletRegistrationBean<>(
                new WebhookController(systems, store, properties, clock, metrics, flood), "/webhooks/*");
        registration.setName("webhooks");
        registration.setLoadOnStartup(1);
        return registration;
    }

    /**
     * No {@code http.server.requests} timer per webhook: timing every request with tags costs more than
     * storing it. Webhooks are counted by {@code sync.ingest.events} and {@code sync.ingest.rejected}.
     */
    @Bean
    ObservationPredicate noRequestObservationForWebhooks() {
        return (name, context) -> !(context instanceof ServerRequestObservationContext request
                && request.getCarrier() != null && request.getCarrier().getRequestURI().startsWith("/webhooks/"));
    }
}
