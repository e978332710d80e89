package dev.crmsync.adapter.hubspot;

import dev.crmsync.core.mapping.Mapping;
import dev.crmsync.core.mapping.MappingFields;
import dev.crmsync.core.spi.MappingObserver;
import java.util.Set;
import java.util.TreeSet;

/**
 * The contact properties the mapping in force reads from HubSpot ({@link MappingFields#readFrom}), always
 * with {@code email}: what a contact snapshot carries. Until the host says which mapping is in force, only
 * the email. Thread-safe.
 */
final class HubSpotMappedFields implements MappingObserver {
    private volatile Set<String> reads = Set.of("email");

    @Override
    public void mappingLoaded(Mapping mapping) {
        use(MappingFields.readFrom(mapping, HubSpotChangeBuilder.SOURCE));
    }

    void use(Set<String> properties) {
        Set<String> next = new TreeSet<>(properties);
        next.add("email");
        reads = Set.copyOf(next);
    }

    Set<String> reads() {
        return reads;
    }
}
