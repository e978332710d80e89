package dev.crmsync.service.persistence;

import dev.crmsync.core.model.Identity;
import dev.crmsync.core.model.SystemId;
import dev.crmsync.core.port.IdentityLookup;
import dev.crmsync.core.spi.IdentityResolver;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Answers "who is record X of system S" from {@code identity_link} (written whenever the engine learns
 * a system's id for a person), and otherwise asks the system's adapter, remembering the answer; and
 * "which people belong to record Y" (a deal's contacts) by asking the adapter.
 */
public final class LinkedIdentityLookup implements IdentityLookup {
    private final JdbcTemplate jdbc;
    private final Map<String, IdentityResolver> resolvers;

    public LinkedIdentityLookup(JdbcTemplate jdbc, Map<String, IdentityResolver> resolvers) {
        this.jdbc = jdbc;
        this.resolvers = Map.copyOf(resolvers);
    }

    @Override
    public Optional<String> emailOf(SystemId system, String externalId) {
        List<String> known = jdbc.queryForList("select email from identity_link where system = ? and external_id = ?",
                String.class, system.value(), externalId);
        if (!known.isEmpty()) {
            return Optional.of(known.get(0));
        }
        IdentityResolver resolver = resolvers.get(system.value());
        if (resolver == null) {
            return Optional.empty();
        }
        Optional<String> email = resolver.emailOf(externalId).map(Identity::normalise);
        email.ifPresent(e -> jdbc.update("insert into identity_link (email, system, external_id) values (?, ?, ?) "
                + "on conflict (email, system) do update set external_id = excluded.external_id, updated_at = now() "
                + "where identity_link.external_id is distinct from excluded.external_id",
                e, system.value(), externalId));
        return email;
    }

    /** Always the system's own answer: associations change without telling us, so they are not cached. */
    @Override
    public List<String> peopleOf(SystemId system, String recordType, String recordId) {
        IdentityResolver resolver = resolvers.get(system.value());
        return resolver == null ? List.of() : resolver.peopleOf(recordType, recordId);
    }
}
