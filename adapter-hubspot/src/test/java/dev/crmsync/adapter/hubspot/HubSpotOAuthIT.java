package dev.crmsync.adapter.hubspot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmsync.core.spi.AdapterConfigException;
import dev.crmsync.core.spi.AdapterContext;
import dev.crmsync.testkit.hubspot.HubSpotSimulator;
import dev.crmsync.testkit.time.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The OAuth path: short-lived access tokens from the app's refresh token, renewed before they lapse. */
class HubSpotOAuthIT {
    private static final Duration LIFETIME = Duration.ofMinutes(30);
    private static HubSpotSimulator simulator;
    private MutableClock clock;
    private HubSpotAdapter adapter;
    private String contactId;

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
        clock = new MutableClock(Instant.parse("2026-11-23T15:00:00Z"));
        simulator.useClock(clock);
        adapter = AdapterFixture.adapter(simulator.oauthAdapterConfig(LIFETIME), AdapterContext.unlimited(clock));
        simulator.repEdit("ann@example.com", Map.of("firstname", "Ann"));
        contactId = simulator.contactId("ann@example.com").orElseThrow();
    }

    @Test
    void callsCarryAnAccessTokenFromTheRefreshTokenAndReuseIt() {
        assertThat(adapter.contacts().emailOf(contactId)).contains("ann@example.com");
        assertThat(adapter.contacts().emailOf(contactId)).contains("ann@example.com");

        assertThat(simulator.accessTokensIssued()).isEqualTo(1);
        assertThat(simulator.requestsByOperation()).containsEntry("oauth/token", 1).containsEntry("contacts/read", 2);
    }

    @Test
    void theTokenIsRenewedBeforeItExpiresSoNoCallIsRefused() {
        // given: a token issued now, valid for 30 minutes
        adapter.contacts().emailOf(contactId);

        // when: 26 minutes later, inside the last five minutes of its life
        clock.advance(Duration.ofMinutes(26));
        adapter.contacts().emailOf(contactId);

        // then: a new token was fetched first, and the old one (still valid) was never refused
        assertThat(simulator.accessTokensIssued()).isEqualTo(2);
        assertThat(simulator.requestsByOperation()).containsEntry("oauth/token", 2).containsEntry("contacts/read", 2);
    }

    @Test
    void aRefreshThatMeetsA429AndA503IsRetried() {
        simulator.failNext("oauth/token", 1, 429);
        simulator.failNext("oauth/token", 1, 503);

        assertThat(adapter.contacts().emailOf(contactId)).contains("ann@example.com");

        assertThat(simulator.requestsByOperation()).containsEntry("oauth/token", 3);
        assertThat(simulator.accessTokensIssued()).isEqualTo(1);
    }

    @Test
    void aTokenRefusedBeforeItsExpiryIsRenewedOnceAndTheCallRepeatedOnce() {
        // given
        adapter.contacts().emailOf(contactId);
        simulator.revokeAccessTokens();

        // when
        assertThat(adapter.contacts().emailOf(contactId)).contains("ann@example.com");

        // then: the refused call does not count as admitted; one refresh, one repeat
        assertThat(simulator.requestsByOperation()).containsEntry("oauth/token", 2).containsEntry("contacts/read", 2);
    }

    @Test
    void aRevokedRefreshTokenFailsNamingTheSettingToFix() {
        Map<String, String> config = new HashMap<>(simulator.oauthAdapterConfig(LIFETIME));
        config.put("refresh-token", "revoked-or-from-another-app");
        HubSpotAdapter stale = AdapterFixture.adapter(config, AdapterContext.unlimited(clock));

        assertThatThrownBy(() -> stale.contacts().emailOf(contactId)).isInstanceOf(AdapterConfigException.class)
                .hasMessageContaining("BAD_REFRESH_TOKEN").hasMessageContaining("invalid_grant")
                .hasMessageContaining("HUBSPOT_REFRESH_TOKEN")
                .hasMessageNotContaining("revoked-or-from-another-app");
        assertThat(simulator.requestsByOperation()).containsEntry("oauth/token", 1);
    }

    @Test
    void aRefreshTokenWithoutTheAppsClientIdIsRefusedAtStart() {
        Map<String, String> config = new HashMap<>(simulator.oauthAdapterConfig(LIFETIME));
        config.remove("client-id");

        assertThatThrownBy(() -> AdapterFixture.adapter(config, AdapterContext.unlimited(clock)))
                .isInstanceOf(AdapterConfigException.class).hasMessageContaining("HUBSPOT_CLIENT_ID");
    }
}
