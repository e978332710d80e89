package dev.crmsync.testkit.instantly;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import tools.jackson.databind.node.ObjectNode;

/**
 * The workspace block list: e-mail addresses and whole domains. An address is blocked when it or its
 * domain is listed. Thread-safe: every method holds the list's lock.
 */
final class BlockList {
    private static final Pattern EMAIL = Pattern.compile("[^\\s@]+@[^\\s@]+\\.[^\\s@]+");
    private static final Pattern DOMAIN = Pattern.compile("[a-z0-9-]+(\\.[a-z0-9-]+)+");

    /** One entry, as Instantly returns it. */
    record Entry(String id, String value, boolean isDomain, Instant createdAt) {
        ObjectNode toJson(String workspaceId) {
            ObjectNode node = SimJson.object();
            node.put("id", id);
            node.put("timestamp_created", SimJson.time(createdAt));
            node.put("organization_id", workspaceId);
            node.put("bl_value", value);
            node.put("is_domain", isDomain);
            return node;
        }
    }

    private final NavigableMap<String, Entry> byValue = new TreeMap<>();
    private final SimIds ids = new SimIds(3);
    private final Clock clock;

    BlockList(Clock clock) {
        this.clock = clock;
    }

    /** True for a well-formed e-mail address or domain name. */
    static boolean isValid(String value) {
        return EMAIL.matcher(value).matches() || DOMAIN.matcher(value).matches();
    }

    /** Adds the value; empty when it was already listed. */
    synchronized Optional<Entry> add(String rawValue) {
        String value = rawValue.trim().toLowerCase(Locale.ROOT);
        if (byValue.containsKey(value)) {
            return Optional.empty();
        }
        Entry entry = new Entry(ids.next(), value, !value.contains("@"), clock.instant());
        byValue.put(value, entry);
        return Optional.of(entry);
    }

    synchronized boolean isBlocked(String email) {
        String value = email.trim().toLowerCase(Locale.ROOT);
        return byValue.containsKey(value) || byValue.containsKey(value.substring(value.indexOf('@') + 1));
    }

    /** The entries in id (creation) order. */
    synchronized List<Entry> all() {
        return byValue.values().stream().sorted((a, b) -> a.id().compareTo(b.id())).toList();
    }

    synchronized int size() {
        return byValue.size();
    }

    synchronized void clear() {
        byValue.clear();
    }
}
