package dev.crmsync.adapter.salesforce;

import static dev.crmsync.adapter.salesforce.SalesforceFixture.upsert;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmsync.core.spi.AdapterConfigException;
import dev.crmsync.core.spi.CommandWriter;
import dev.crmsync.core.spi.WriteOutcome;
import dev.crmsync.testkit.salesforce.SalesforceSimulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SalesforceAuthIT {
    private static final String JWT_GRANT = "urn:ietf:params:oauth:grant-type:jwt-bearer";
    private SalesforceSimulator simulator;

    @BeforeEach
    void start() {
        simulator = SalesforceSimulator.start();
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void clientCredentialsGrantGetsASessionTheWriterUses() {
        // when
        write(Map.of());

        // then
        assertThat(simulator.tokenRequests("client_credentials")).isEqualTo(1);
        assertThat(simulator.leadByEmail("ann@example.com")).isPresent();
    }

    @Test
    void passwordGrantGetsASessionForSandboxes() {
        // when
        write(Map.of("username", SalesforceSimulator.USERNAME, "password", SalesforceSimulator.PASSWORD));

        // then
        assertThat(simulator.tokenRequests("password")).isEqualTo(1);
        assertThat(simulator.tokenRequests("client_credentials")).isZero();
        assertThat(simulator.leadByEmail("ann@example.com")).isPresent();
    }

    @Test
    void jwtBearerGrantSignsWithTheConfiguredKey(@TempDir Path dir) throws Exception {
        // given
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        simulator.registerJwtKey(pair.getPublic());
        Path keyFile = dir.resolve("server.key");
        Files.writeString(keyFile, "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(pair.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n");

        // when
        write(Map.of("client-secret", "", "username", SalesforceSimulator.USERNAME, "jwt-key-file", keyFile.toString()));

        // then
        assertThat(simulator.tokenRequests(JWT_GRANT)).isEqualTo(1);
        assertThat(simulator.leadByEmail("ann@example.com")).isPresent();
    }

    @Test
    void aJwtSignedWithAnotherKeyIsRefusedAsAConfigProblem(@TempDir Path dir) throws Exception {
        // given
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        simulator.registerJwtKey(generator.generateKeyPair().getPublic());
        Path keyFile = dir.resolve("other.key");
        Files.writeString(keyFile, "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(
                generator.generateKeyPair().getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n");

        // then
        assertThatThrownBy(() -> write(Map.of("username", SalesforceSimulator.USERNAME,
                "jwt-key-file", keyFile.toString())))
                .isInstanceOf(AdapterConfigException.class).hasMessageContaining("invalid_grant");
    }

    @Test
    void aWrongClientSecretIsAConfigProblemNamingTheSettings() {
        assertThatThrownBy(() -> write(Map.of("client-secret", "wrong")))
                .isInstanceOf(AdapterConfigException.class)
                .hasMessageContaining("expected HTTP 200, found 400 (invalid_client")
                .hasMessageContaining("SALESFORCE_CLIENT_SECRET")
                .hasMessageNotContaining("wrong");
    }

    @Test
    void anExpiredSessionIsRefreshedOnceAndTheCallRepeated() {
        // given
        CommandWriter writer = SalesforceFixture.adapter(simulator, Map.of()).commandWriter().orElseThrow();
        writer.write(List.of(upsert("ann@example.com", Map.of("Title", "CEO"))));
        simulator.expireSessions();

        // when
        var result = writer.write(List.of(upsert("ann@example.com", Map.of("Title", "CTO"))));

        // then
        assertThat(result.outcomes().get("upsert:ann@example.com")).isInstanceOf(WriteOutcome.Written.class);
        assertThat(simulator.tokenRequests("client_credentials")).isEqualTo(2);
        assertThat(simulator.leadByEmail("ann@example.com").orElseThrow().get("Title")).isEqualTo("CTO");
    }

    @Test
    void aSessionRefusedAgainAfterTheRefreshIsAConfigProblem() {
        // given
        CommandWriter writer = SalesforceFixture.adapter(simulator, Map.of()).commandWriter().orElseThrow();
        simulator.failNext(2, "INVALID_SESSION_ID");

        // then
        assertThatThrownBy(() -> writer.write(List.of(upsert("ann@example.com", Map.of("Title", "CTO")))))
                .isInstanceOf(AdapterConfigException.class).hasMessageContaining("INVALID_SESSION_ID");
        assertThat(simulator.tokenRequests("client_credentials")).isEqualTo(2);
    }

    private void write(Map<String, String> overrides) {
        SalesforceFixture.adapter(simulator, overrides).commandWriter().orElseThrow()
                .write(List.of(upsert("ann@example.com", Map.of("Title", "CEO"))));
    }
}
