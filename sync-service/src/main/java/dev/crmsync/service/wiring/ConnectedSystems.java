package dev.crmsync.service.wiring;

import dev.crmsync.core.config.Secret;
import dev.crmsync.core.model.SystemId;
import dev.crmsync.core.spi.ChangeFeed;
import dev.crmsync.core.spi.CommandWriter;
import dev.crmsync.core.spi.CustomFields;
import dev.crmsync.core.spi.MappingObserver;
import dev.crmsync.core.spi.EventTranslator;
import dev.crmsync.core.spi.IdentityResolver;
import dev.crmsync.core.spi.RecordSource;
import dev.crmsync.core.spi.SimulatorProvider;
import dev.crmsync.core.spi.SystemAdapter;
import dev.crmsync.core.spi.WebhookSubscriptions;
import dev.crmsync.core.spi.WebhookVerifier;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** The adapters the service runs with, by system id, and the simulators standing in for vendors in sandbox mode. */
public final class ConnectedSystems implements AutoCloseable {
    private final Map<String, SystemAdapter> adapters;
    private final Map<String, SimulatorProvider.RunningSimulator> simulators;
    private final Map<String, TargetRateBudget> budgets;
    private final Set<String> withoutCredentials;
    private final Map<String, Secret> webhookSecrets;
    private final boolean wholeSandbox;

    /**
     * @param webhookSecrets each system's configured {@code webhook-secret}, for systems that have one; never logged
     * @param wholeSandbox   no discovered system has credentials, so the documented sandbox defaults apply
     */
    public ConnectedSystems(Map<String, SystemAdapter> adapters, Map<String, SimulatorProvider.RunningSimulator> simulators,
                            Map<String, TargetRateBudget> budgets, Set<String> withoutCredentials,
                            Map<String, Secret> webhookSecrets, boolean wholeSandbox) {
        this.wholeSandbox = wholeSandbox;
        this.webhookSecrets = Map.copyOf(webhookSecrets);
        this.adapters = new TreeMap<>(adapters);
        this.simulators = new TreeMap<>(simulators);
        this.budgets = new TreeMap<>(budgets);
        this.withoutCredentials = Set.copyOf(withoutCredentials);
    }

    /** True when no system has credentials: the whole service is a sandbox, and documented defaults apply. */
    public boolean isWholeSandbox() {
        return wholeSandbox;
    }

    /** True for a system running with none of its credentials set (sandbox mode, with or without a simulator). */
    public boolean isSandbox(String systemId) {
        return withoutCredentials.contains(systemId);
    }

    public Set<String> systemIds() {
        return adapters.keySet();
    }

    public Optional<WebhookVerifier> verifier(String systemId) {
        return adapter(systemId).flatMap(SystemAdapter::webhookVerifier);
    }

    public Optional<EventTranslator> translator(String systemId) {
        return adapter(systemId).flatMap(SystemAdapter::eventTranslator);
    }

    public Optional<CommandWriter> writer(String systemId) {
        return adapter(systemId).flatMap(SystemAdapter::commandWriter);
    }

    /** The system's webhook subscription upkeep; empty when its adapter has none (or no credentials for it). */
    public Optional<WebhookSubscriptions> webhookSubscriptions(String systemId) {
        return adapter(systemId).flatMap(SystemAdapter::webhookSubscriptions);
    }

    /** The systems whose adapter manages webhook subscriptions, by system id. */
    public Map<String, WebhookSubscriptions> allWebhookSubscriptions() {
        Map<String, WebhookSubscriptions> all = new TreeMap<>();
        adapters.forEach((id, adapter) -> adapter.webhookSubscriptions().ifPresent(w -> all.put(id, w)));
        return all;
    }

    /** The system's configured webhook secret (the sandbox default included); empty when it has none. */
    public Optional<Secret> webhookSecret(String systemId) {
        return Optional.ofNullable(webhookSecrets.get(systemId));
    }

    /** The adapters that can tell who one of their record ids is, by system id. */
    public Map<String, IdentityResolver> identityResolvers() {
        Map<String, IdentityResolver> resolvers = new TreeMap<>();
        adapters.forEach((id, adapter) -> adapter.identityResolver().ifPresent(r -> resolvers.put(id, r)));
        return resolvers;
    }

    /** The systems whose changes are polled (their adapter has a change feed), by system id. */
    public Map<String, ChangeFeed> changeFeeds() {
        Map<String, ChangeFeed> feeds = new TreeMap<>();
        adapters.forEach((id, adapter) -> adapter.changeFeed().ifPresent(f -> feeds.put(id, f)));
        return feeds;
    }

    /** The systems whose adapter pages through its records (for backfill and reconcile jobs), by system id. */
    public Map<String, RecordSource> recordSources() {
        Map<String, RecordSource> sources = new TreeMap<>();
        adapters.forEach((id, adapter) -> adapter.recordSource().ifPresent(r -> sources.put(id, r)));
        return sources;
    }

    /** The systems the engine writes to: those whose adapter has a writer. */
    public Set<SystemId> targets() {
        Set<SystemId> targets = new TreeSet<>();
        adapters.forEach((id, adapter) -> adapter.commandWriter().ifPresent(w -> targets.add(SystemId.of(id))));
        return targets;
    }

    /** The system's custom-field upkeep; empty when its adapter has none. */
    public Optional<CustomFields> customFields(String systemId) {
        return adapter(systemId).flatMap(SystemAdapter::customFields);
    }

    /** The systems whose adapter keeps custom fields, by system id. */
    public Map<String, CustomFields> allCustomFields() {
        Map<String, CustomFields> all = new TreeMap<>();
        adapters.forEach((id, adapter) -> adapter.customFields().ifPresent(c -> all.put(id, c)));
        return all;
    }

    /** The adapters that want to hear which mapping is in force. */
    public List<MappingObserver> mappingObservers() {
        return adapters.values().stream().flatMap(a -> a.mappingObserver().stream()).toList();
    }

    public Map<String, SimulatorProvider.RunningSimulator> simulators() {
        return simulators;
    }

    public Optional<TargetRateBudget> budget(String systemId) {
        return Optional.ofNullable(budgets.get(systemId));
    }

    private Optional<SystemAdapter> adapter(String systemId) {
        return Optional.ofNullable(adapters.get(systemId));
    }

    @Override
    public void close() {
        for (SystemAdapter adapter : List.copyOf(adapters.values())) {
            adapter.close();
        }
        for (SimulatorProvider.RunningSimulator simulator : List.copyOf(simulators.values())) {
            simulator.close();
        }
    }
}
