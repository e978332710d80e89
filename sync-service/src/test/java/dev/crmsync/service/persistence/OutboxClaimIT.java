package dev.crmsync.service.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crmsync.core.model.Command;
import dev.crmsync.core.model.Identity;
import dev.crmsync.core.model.SystemId;
import dev.crmsync.service.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/** The dispatcher's claim against the real schema: per-person order, and no one held back by someone else's queue. */
class OutboxClaimIT {
    private final CommandCodec codec = new CommandCodec();
    private JdbcTemplate jdbc;
    private OutboxRepository outbox;

    @BeforeEach
    void freshOutbox() {
        TestDatabase.Db db = TestDatabase.fresh();
        DriverManagerDataSource source = new DriverManagerDataSource(db.url(), db.user(), db.password());
        Flyway.configure().dataSource(source).load().migrate();
        jdbc = new JdbcTemplate(source);
        outbox = new OutboxRepository(jdbc, new TransactionTemplate(new DataSourceTransactionManager(source)), codec);
    }

    @Test
    void aPersonWithAnOlderCommandInFlightDoesNotHoldBackThePeopleQueuedBehindThem() {
        // given: a hot lead with 450 live commands, the oldest being sent by another dispatcher, and ann after them
        for (int i = 0; i < 450; i++) {
            command("hot@leads.example", OutboxWriter.LIVE);
        }
        command("ann@leads.example", OutboxWriter.LIVE);
        jdbc.update("update outbound_command set next_attempt_at = now() + interval '30 seconds' "
                + "where id = (select min(id) from outbound_command)");

        // when
        List<OutboxRepository.Claimed> claimed = outbox.claim("hubspot", 200, Duration.ofSeconds(30), true,
                Duration.ZERO);

        // then: nothing of the hot lead overtakes its command in flight, and ann is sent now
        assertThat(claimed).extracting(c -> c.pending().command().who().email()).containsExactly("ann@leads.example");
    }

    @Test
    void aPersonsCommandsAreClaimedInTheOrderTheyWerePlannedAndBackfillWaitsForBudget() {
        // given: bob's backfilled record, then his live change, then a newer backfill row; carol only backfilled
        long first = command("bob@leads.example", OutboxWriter.BACKFILL);
        long live = command("bob@leads.example", OutboxWriter.LIVE);
        command("bob@leads.example", OutboxWriter.BACKFILL);
        command("carol@leads.example", OutboxWriter.BACKFILL);

        // when: the budget leaves no room for backfill
        List<OutboxRepository.Claimed> claimed = outbox.claim("hubspot", 200, Duration.ofSeconds(30), false,
                Duration.ZERO);

        // then: the older backfill row goes with bob's live change, before it; nothing else yet
        assertThat(claimed).extracting(c -> c.pending().id()).containsExactly(first, live);
    }

    @Test
    void backfillWaitsForAFullBatchUntilItsOldestCommandHasWaitedTheFillTime() {
        // given: a job has written three of a batch of five so far
        command("ann@leads.example", OutboxWriter.BACKFILL);
        command("bob@leads.example", OutboxWriter.BACKFILL);
        command("carol@leads.example", OutboxWriter.BACKFILL);
        Duration fill = Duration.ofSeconds(10);

        // when / then: not yet, unless the batch is full
        assertThat(outbox.claim("hubspot", 5, Duration.ofSeconds(30), true, fill)).isEmpty();
        assertThat(outbox.claim("hubspot", 3, Duration.ofSeconds(30), true, fill)).hasSize(3);

        // and when the oldest of the next partial batch has waited the fill time, it goes as it is
        long dan = command("dan@leads.example", OutboxWriter.BACKFILL);
        command("eve@leads.example", OutboxWriter.BACKFILL);
        assertThat(outbox.claim("hubspot", 5, Duration.ofSeconds(30), true, fill)).isEmpty();
        jdbc.update("update outbound_command set created_at = now() - interval '11 seconds' where id = ?", dan);
        assertThat(outbox.claim("hubspot", 5, Duration.ofSeconds(30), true, fill))
                .extracting(c -> c.pending().command().who().email())
                .containsExactly("dan@leads.example", "eve@leads.example");
    }

    private long command(String email, int priority) {
        Command upsert = new Command.Upsert(SystemId.of("hubspot"), Identity.ofEmail(email), Map.of("lifecyclestage", "lead"),
                Instant.parse("2026-11-24T00:00:00Z"));
        return jdbc.queryForObject("insert into outbound_command (target, record_key, kind, payload, priority) "
                + "values ('hubspot', ?, 'upsert', ?::jsonb, ?) returning id", Long.class, email, codec.write(upsert), priority);
    }
}
