package dev.crmsync.service.wiring;

import dev.crmsync.core.config.AdapterConfig;
import dev.crmsync.core.config.ConfigSpec;
import dev.crmsync.core.spi.AdapterConfigException;
import dev.crmsync.core.spi.AdapterContext;
import dev.crmsync.core.spi.AdapterProvider;
import dev.crmsync.core.spi.AdapterRegistry;
import dev.crmsync.core.spi.SimulatorProvider;
import dev.crmsync.core.spi.SystemAdapter;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Builds the engine once: the mapping, and every adapter found by {@link AdapterRegistry#discover()},
 * configured from the environment. A system with no credentials runs against its simulator (sandbox
 * mode) when the class path has one; the service never names an adapter or simulator class.
 */
@Configuration(proxyBeanMethods = false)
class EngineConfiguration {
    /** In sandbox mode a system's webhook secret defaults to this documented value, so the README's curl works. */
    static final String SANDBOX_WEBHOOK_SECRET = "sandbox-webhook-secret";
    private static final Logger log = LoggerFactory.getLogger(EngineConfiguration.class);

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    MappingHolder mappingHolder(SyncProperties properties) {
        return new MappingHolder(properties.mappings());
    }

    @Bean(destroyMethod = "close")
    ConnectedSystems connectedSystems(Environment env, SyncProperties properties, Clock clock) {
        Map<String, SimulatorProvider> simulatorProviders = new HashMap<>();
        ServiceLoader.load(SimulatorProvider.class).forEach(s -> simulatorProviders.put(s.systemId(), s));
        Map<String, SystemAdapter> adapters = new LinkedHashMap<>();
        Map<String, SimulatorProvider.RunningSimulator> simulators = new LinkedHashMap<>();
        Map<String, TargetRateBudget> budgets = new LinkedHashMap<>();
        Set<String> withoutCredentials = new HashSet<>();
        Map<String, dev.crmsync.core.config.Secret> webhookSecrets = new HashMap<>();
        List<String> problems = new ArrayList<>();
        List<AdapterProvider> providers = AdapterRegistry.discover().providers().stream()
                .filter(p -> isEnabled(env, p.systemId())).toList();
        Map<String, Map<String, String>> rawById = new HashMap<>();
        providers.forEach(p -> rawById.put(p.systemId(), bind(env, p.systemId(), p.configSpec())));
        // Documented sandbox defaults (webhook secret) apply only when no vendor has credentials at all:
        // a production setup that forgot one secret must fail, not accept a publicly known one.
        boolean wholeSandbox = providers.stream().noneMatch(p -> hasCredentials(p.configSpec(), rawById.get(p.systemId())));
        for (AdapterProvider provider : providers) {
            String id = provider.systemId();
            ConfigSpec spec = provider.configSpec();
            Map<String, String> raw = rawById.get(id);
            boolean sandbox = !spec.credentialKeys().isEmpty() && !hasCredentials(spec, raw);
            if (sandbox && simulatorProviders.containsKey(id)) {
                SimulatorProvider.RunningSimulator simulator = simulatorProviders.get(id).start(0);
                simulators.put(id, simulator);
                simulator.adapterConfig().forEach(raw::put);
            }
            if (wholeSandbox && spec.keys().containsKey("webhook-secret")) {
                raw.putIfAbsent("webhook-secret", SANDBOX_WEBHOOK_SECRET);
            }
            TargetRateBudget budget = budget(id, properties, clock);
            try {
                AdapterConfig config = spec.parse(envPrefix(id), raw);
                adapters.put(id, provider.create(config, new AdapterContext(clock, budget, "crm-sync")));
                budgets.put(id, budget);
                if (raw.containsKey("webhook-secret")) {
                    webhookSecrets.put(id, dev.crmsync.core.config.Secret.of(raw.get("webhook-secret")));
                }
                if (sandbox) {
                    withoutCredentials.add(id);
                }
                log.info("{}: connected{} with {}", id, simulators.containsKey(id) ? " to its SANDBOX simulator" : "",
                        config);
            } catch (AdapterConfigException e) {
                if (sandbox && !simulators.containsKey(id)) {
                    log.info("{}: not connected ({})", id, e.getMessage());
                } else {
                    problems.add(id + ": " + e.getMessage());
                }
            }
        }
        if (!problems.isEmpty()) {
            adapters.values().forEach(SystemAdapter::close);
            simulators.values().forEach(SimulatorProvider.RunningSimulator::close);
            throw new AdapterConfigException("cannot start; fix these settings: " + String.join("; ", problems));
        }
        return new ConnectedSystems(adapters, simulators, budgets, withoutCredentials, webhookSecrets, wholeSandbox);
    }

    /**
     * False when {@code sync.adapters.<id>.enabled} (or {@code <ID>_ENABLED}) is {@code false}: the system is
     * not connected at all, not even to its sandbox simulator.
     */
    private static boolean isEnabled(Environment env, String systemId) {
        String value = env.getProperty("sync.adapters." + systemId + ".enabled",
                env.getProperty(envPrefix(systemId) + "ENABLED", "true"));
        if (value.trim().equalsIgnoreCase("false")) {
            log.info("{}: disabled by configuration", systemId);
            return false;
        }
        return true;
    }

    private static boolean hasCredentials(ConfigSpec spec, Map<String, String> raw) {
        return spec.credentialKeys().stream().anyMatch(raw::containsKey);
    }

    @Bean
    AdminToken adminToken(SyncProperties properties, ConnectedSystems systems) {
        String token = properties.adminToken();
        if (token != null && !token.isBlank()) {
            return new AdminToken(dev.crmsync.core.config.Secret.of(token.trim()), false);
        }
        if (systems.isWholeSandbox()) {
            return new AdminToken(dev.crmsync.core.config.Secret.of(AdminToken.SANDBOX_DEFAULT), true);
        }
        throw new AdapterConfigException("SYNC_ADMIN_TOKEN is not set; the admin API needs a token outside sandbox mode");
    }

    private static TargetRateBudget budget(String id, SyncProperties properties, Clock clock) {
        SyncProperties.RateLimit limit = properties.rateLimits()
                .getOrDefault(id, new SyncProperties.RateLimit(10, Duration.ofSeconds(1)));
        return new TargetRateBudget(id, limit.requests(), limit.period(), clock);
    }

    /**
     * Values for each declared key, from {@code sync.adapters.<id>.<key>} or the environment variable
     * {@code <ID>_<KEY>} (e.g. {@code HUBSPOT_ACCESS_TOKEN} for {@code hubspot}'s {@code access-token}).
     */
    static Map<String, String> bind(Environment env, String systemId, ConfigSpec spec) {
        Map<String, String> raw = new HashMap<>();
        for (String key : spec.keys().keySet()) {
            String value = env.getProperty("sync.adapters." + systemId + "." + key);
            if (value == null || value.isBlank()) {
                value = env.getProperty(envPrefix(systemId) + key.toUpperCase(Locale.ROOT).replace('-', '_'));
            }
            if (value != null && !value.isBlank()) {
                raw.put(key, value);
            }
        }
        return raw;
    }

    private static String envPrefix(String systemId) {
        return systemId.toUpperCase(Locale.ROOT).replace('-', '_') + "_";
    }
}
