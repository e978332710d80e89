package dev.crmsync.adapter.hubspot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmsync.core.spi.TransientAdapterException;
import dev.crmsync.testkit.hubspot.HubSpotSimulator;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What a webhook leaves out: the email behind a contact id, and the contacts behind a deal. */
class HubSpotContactsIT {
    private static HubSpotSimulator simulator;
    private HubSpotAdapter adapter;

    @BeforeAll
    static void start() {
        simulator = HubSpotSimulator.start();
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @BeforeEach
    void reset() {
        simulator.reset();
        adapter = AdapterFixture.adapter(simulator, Map.of());
    }

    @Test
    void emailOfAContactIdIsReadFromHubSpot() {
        simulator.repEdit("ann@example.com", Map.of("firstname", "Ann"));
        String id = simulator.contactId("ann@example.com").orElseThrow();

        assertThat(adapter.contacts().emailOf(id)).contains("ann@example.com");
        assertThat(simulator.requestsByOperation()).containsEntry("contacts/read", 1);
    }

    @Test
    void aContactThatIsGoneHasNoEmail() {
        assertThat(adapter.contacts().emailOf("4242")).isEmpty();
    }

    @Test
    void onlyNumericIdsAreAsked() {
        assertThatThrownBy(() -> adapter.contacts().emailOf("ann@example.com?idProperty=email"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("digits only");
        assertThat(simulator.requestCount()).isZero();
    }

    @Test
    void aFailedReadIsClassifiedLikeAWrite() {
        simulator.failNext(1, 503);

        assertThatThrownBy(() -> adapter.contacts().emailOf("4242")).isInstanceOf(TransientAdapterException.class)
                .hasMessageContaining("contacts/read");
    }

    @Test
    void aDealsContactsAreListedAcrossPages() {
        for (int i = 0; i < 3; i++) {
            simulator.repEdit("p" + i + "@example.com", Map.of());
        }
        String dealId = simulator.createDeal(Map.of("dealname", "Pilot", "dealstage", "contractsent"),
                java.util.List.of("p2@example.com", "p0@example.com", "p1@example.com"));

        assertThat(adapter.deals().contactIdsOf(dealId)).containsExactly(
                simulator.contactId("p2@example.com").orElseThrow(), simulator.contactId("p0@example.com").orElseThrow(),
                simulator.contactId("p1@example.com").orElseThrow());
        assertThat(adapter.deals().contactIdsOf("31337")).isEmpty();
    }
}
