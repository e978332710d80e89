package dev.crmsync.service.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crmsync.service.TestDatabase;
import dev.crmsync.testkit.hubspot.HubSpotSimulator;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Acked versus reflected for one {@link ReplyLoad} run: the events the database holds, and per lead
 * the notes (counted by their {@code sync_activity_key}) and the contact at the HubSpot simulator.
 *
 * @param acked     leads whose reply got a 2xx
 * @param stored    leads whose reply is in {@code inbound_event} (acked, plus any committed whose answer was lost)
 * @param notes     notes at HubSpot for the run's leads
 * @param problems  each lead that is acked but not stored, or stored but not exactly one note and a contact
 */
record Reflection(Set<String> acked, Set<String> stored, int notes, List<String> problems) {

    static Reflection of(TestDatabase.Db db, HubSpotSimulator hubspot, String run, Set<String> acked)
            throws SQLException {
        Set<String> stored = storedLeads(db, run);
        List<String> problems = new ArrayList<>();
        for (String email : acked) {
            if (!stored.contains(email)) {
                problems.add(email + ": acknowledged but not in inbound_event");
            }
        }
        int notes = 0;
        for (String email : stored) {
            List<Map<String, String>> leadNotes = hubspot.notesFor(email);
            notes += leadNotes.size();
            Set<String> keys = new HashSet<>();
            leadNotes.forEach(n -> keys.add(n.get("sync_activity_key")));
            if (leadNotes.size() != 1 || keys.size() != 1) {
                problems.add(email + ": " + leadNotes.size() + " notes with activity keys " + keys);
            }
            if (hubspot.contact(email).map(c -> c.get("lifecyclestage")).filter("lead"::equals).isEmpty()) {
                problems.add(email + ": no HubSpot contact at lifecycle stage lead");
            }
        }
        return new Reflection(Set.copyOf(acked), stored, notes, List.copyOf(problems));
    }

    private static Set<String> storedLeads(TestDatabase.Db db, String run) throws SQLException {
        Set<String> emails = new HashSet<>();
        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password());
             PreparedStatement s = c.prepareStatement(
                     "select email from inbound_event where event_type = 'reply_received' and email like ?")) {
            s.setString(1, run + "-%@load.example");
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    assertThat(emails.add(rs.getString(1))).as("one stored event per lead").isTrue();
                }
            }
        }
        return emails;
    }

    /** True when every stored event was planned and every command was sent or dead-lettered. */
    static boolean isDrained(TestDatabase.Db db) throws SQLException {
        return count(db, "select (select count(*) from inbound_queue) "
                + "+ (select count(*) from outbound_command where status = 'pending')") == 0;
    }

    static long count(TestDatabase.Db db, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password());
             PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Every acknowledged event stored, and every stored event reflected exactly once. */
    void assertExactlyOnce() {
        assertThat(problems).as("acked or stored events not reflected exactly once").isEmpty();
        assertThat(stored).containsAll(acked);
        assertThat(notes).as("one note per stored reply, none without a stored event").isEqualTo(stored.size());
    }

    String summary() {
        return "acked=" + acked.size() + " stored=" + stored.size() + " notes=" + notes
                + " problems=" + problems.size();
    }
}
