package dev.crmsync.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;

/**
 * Instantly {@code email_opened} events written straight into the service's inbound tables, as ingest stores
 * them, in one transaction with the {@code NOTIFY} that wakes the workers: a backlog without the HTTP path.
 */
final class StoredEvents {
    private StoredEvents() {
    }

    /**
     * Commits {@code count} events (dedup keys {@code <run>-<n>}, each its own email) about {@code persons}
     * leads {@code <emailPrefix><n % persons>@bench.example}.
     */
    static void commit(BenchDatabase db, String run, String emailPrefix, int count, int persons) throws Exception {
        try (Connection c = db.connectService()) {
            c.setAutoCommit(false);
            try (PreparedStatement insert = c.prepareStatement("with e as (insert into inbound_event (source, dedup_key, "
                    + "event_type, email, occurred_at, auth_method, payload) select 'instantly', ? || '-' || g, "
                    + "'email_opened', ? || (g % ?) || '@bench.example', now(), 'secret-header', "
                    + "convert_to(format('{\"timestamp\":\"%s\",\"event_type\":\"email_opened\",\"workspace\":\"ws-load\","
                    + "\"campaign_id\":\"camp-load\",\"campaign_name\":\"Load\",\"lead_email\":\"%s%s@bench.example\","
                    + "\"email_account\":\"sdr@sender.example\",\"step\":%s,\"email_id\":\"%s-%s\",\"open_count\":1}', "
                    + "to_char(now() at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), ?, g % ?, g % 5 + 1, ?, g), 'UTF8') "
                    + "from generate_series(1, ?) g returning id) insert into inbound_queue (event_id) select id from e")) {
                insert.setString(1, run);
                insert.setString(2, emailPrefix);
                insert.setInt(3, persons);
                insert.setString(4, emailPrefix);
                insert.setInt(5, persons);
                insert.setString(6, run);
                insert.setInt(7, count);
                insert.executeUpdate();
            }
            try (PreparedStatement notify = c.prepareStatement("select pg_notify('inbound_ready', '')")) {
                notify.execute();
            }
            c.commit();
        }
    }
}
