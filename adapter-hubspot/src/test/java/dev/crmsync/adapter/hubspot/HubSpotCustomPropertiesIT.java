package dev.crmsync.adapter.hubspot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmsync.core.mapping.Mapping;
import dev.crmsync.core.spi.AdapterConfigException;
import dev.crmsync.core.spi.CustomFields;
import dev.crmsync.mappings.MappingLoader;
import dev.crmsync.testkit.hubspot.HubSpotSimulator;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The custom properties the default mapping writes are created when missing, once, and only those. */
class HubSpotCustomPropertiesIT {
    private static final Mapping DEFAULT_MAPPING = new MappingLoader().loadDefault();
    private static HubSpotSimulator simulator;
    private CustomFields properties;

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
        simulator.deleteProperty("contacts", "sync_engagement_score");
        simulator.deleteProperty("contacts", "sync_do_not_contact");
        simulator.deleteProperty("notes", "sync_activity_key");
        properties = AdapterFixture.adapter(simulator, Map.of()).customFields().orElseThrow();
    }

    @Test
    void missingPropertiesAreCreatedWithTypesThatFitWhatTheMappingWrites() {
        CustomFields.Report report = properties.ensure(DEFAULT_MAPPING);

        assertThat(report.created()).containsExactlyInAnyOrder("contacts.sync_do_not_contact",
                "contacts.sync_engagement_score", "notes.sync_activity_key");
        assertThat(report.existing()).contains("contacts.sync_lost_reason", "contacts.sync_suppression_reason")
                .doesNotContain("contacts.lifecyclestage", "contacts.hs_lead_status", "contacts.firstname");
        assertThat(simulator.property("contacts", "sync_engagement_score").orElseThrow())
                .containsEntry("type", "number").containsEntry("groupName", "contactinformation");
        assertThat(simulator.property("contacts", "sync_do_not_contact").orElseThrow())
                .containsEntry("type", "bool").containsEntry("fieldType", "booleancheckbox");
    }

    @Test
    void aSecondRunCreatesNothing() {
        properties.ensure(DEFAULT_MAPPING);
        int requestsAfterFirst = simulator.requestsByOperation().get("properties/create");

        CustomFields.Report again = properties.ensure(DEFAULT_MAPPING);

        assertThat(again.created()).isEmpty();
        assertThat(again.existing()).contains("contacts.sync_engagement_score", "notes.sync_activity_key");
        assertThat(simulator.requestsByOperation()).containsEntry("properties/create", requestsAfterFirst);
    }

    @Test
    void aTokenWithoutTheSchemaScopeFailsNamingTheScopeAndTheProperty() {
        simulator.revokeScope("crm.schemas.contacts.write");

        assertThatThrownBy(() -> properties.ensure(DEFAULT_MAPPING)).isInstanceOf(AdapterConfigException.class)
                .hasMessageContaining("crm.schemas.contacts.write").hasMessageContaining("sync_do_not_contact")
                .hasMessageContaining("MISSING_SCOPES");
        assertThat(simulator.property("contacts", "sync_engagement_score")).isEmpty();
    }

    @Test
    void startUpCreationFollowsTheSetting() {
        assertThat(properties.ensureAtStartUp()).isFalse();
        assertThat(AdapterFixture.adapter(simulator, Map.of("create-properties", "true")).customFields()
                .orElseThrow().ensureAtStartUp()).isTrue();
    }
}
