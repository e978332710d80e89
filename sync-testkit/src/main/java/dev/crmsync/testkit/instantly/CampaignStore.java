package dev.crmsync.testkit.instantly;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import tools.jackson.databind.node.ObjectNode;

/** The workspace's campaigns, ordered by id: enough of them (id, name, status) to list and to name in events. */
final class CampaignStore {

    /** One campaign; status 1 is active. */
    record Campaign(String id, String name, int status, Instant createdAt) {
        ObjectNode toJson() {
            ObjectNode node = SimJson.object();
            node.put("id", id);
            node.put("name", name);
            node.put("status", status);
            node.put("timestamp_created", SimJson.time(createdAt));
            node.put("timestamp_updated", SimJson.time(createdAt));
            node.put("is_evergreen", false);
            return node;
        }
    }

    private final NavigableMap<String, Campaign> campaigns = new TreeMap<>();
    private final SimIds ids = new SimIds(2);
    private final Clock clock;

    CampaignStore(Clock clock) {
        this.clock = clock;
    }

    synchronized Campaign create(String name, int status) {
        Campaign campaign = new Campaign(ids.next(), name, status, clock.instant());
        campaigns.put(campaign.id(), campaign);
        return campaign;
    }

    synchronized Optional<Campaign> get(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(campaigns.get(id));
    }

    synchronized List<Campaign> all() {
        return List.copyOf(campaigns.values());
    }

    synchronized void clear() {
        campaigns.clear();
    }
}
