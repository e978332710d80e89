package dev.crmsync.adapter.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmsync.core.spi.AdapterConfigException;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SalesforceAdapterConfigTest {

    private static SalesforceAdapterConfig config(Map<String, String> values) {
        return SalesforceAdapterConfig.from(SalesforceAdapterConfig.SPEC.parse("SALESFORCE_", new HashMap<>(values)));
    }

    @Test
    void aClientIdAndSecretAloneMeanTheClientCredentialsGrant() {
        assertThat(config(Map.of("client-id", "id", "client-secret", "s")).grant())
                .isInstanceOf(SalesforceGrant.ClientCredentials.class);
    }

    @Test
    void aUserAndPasswordMeanThePasswordGrant() {
        assertThat(config(Map.of("client-id", "id", "client-secret", "s", "username", "u", "password", "p")).grant())
                .isInstanceOf(SalesforceGrant.Password.class);
    }

    @Test
    void aKeyFileMeansTheJwtBearerGrantAndNeedsAUser() {
        assertThat(config(Map.of("client-id", "id", "username", "u", "jwt-key-file", "/k.pem")).grant())
                .isInstanceOf(SalesforceGrant.JwtBearer.class);
        assertThatThrownBy(() -> config(Map.of("client-id", "id", "jwt-key-file", "/k.pem")))
                .isInstanceOf(AdapterConfigException.class).hasMessageContaining("SALESFORCE_USERNAME");
    }

    @Test
    void aPasswordWithoutAUserIsRefused() {
        assertThatThrownBy(() -> config(Map.of("client-id", "id", "client-secret", "s", "password", "p")))
                .isInstanceOf(AdapterConfigException.class).hasMessageContaining("password without username");
    }

    @Test
    void noClientIdMeansNotConfigured() {
        assertThat(config(Map.of()).grant()).isInstanceOf(SalesforceGrant.NotConfigured.class);
    }

    @Test
    void urlsAreSchemeAndHostOnlyAndTheAdapterAddsThePaths() {
        SalesforceAdapterConfig config = config(Map.of("client-id", "id", "client-secret", "s",
                "login-url", "https://test.salesforce.com/", "instance-url", "https://acme.my.salesforce.com"));
        assertThat(config.tokenUrl()).isEqualTo(URI.create("https://test.salesforce.com/services/oauth2/token"));
        assertThat(new SalesforceSession(dev.crmsync.core.config.Secret.of("t"), config.instanceUrl().orElseThrow(), null)
                .soapEndpoint()).isEqualTo("https://acme.my.salesforce.com/services/Soap/u/64.0");
        assertThatThrownBy(() -> config(Map.of("login-url", "https://login.salesforce.com/services/oauth2/token")))
                .isInstanceOf(AdapterConfigException.class).hasMessageContaining("scheme and host only");
    }

    @Test
    void batchSizeAndApiShareAreBounded() {
        assertThatThrownBy(() -> config(Map.of("batch-size", "201"))).hasMessageContaining("between 1 and 200");
        assertThatThrownBy(() -> config(Map.of("lookup-batch-size", "2001")))
                .hasMessageContaining("lookup-batch-size must be between 1 and 2000, found 2001");
        assertThat(config(Map.of()).lookupBatchSize()).isEqualTo(2_000);
        assertThatThrownBy(() -> config(Map.of("api-share", "1.5"))).hasMessageContaining("at most 1");
        assertThatThrownBy(() -> config(Map.of("lookup-order", "whatever"))).hasMessageContaining("contact-first");
    }

    @Test
    void theDefaultsNameTheOrgFieldsOfTheExternalContract() {
        SalesforceOrgFields org = config(Map.of()).org();
        assertThat(org).isEqualTo(SalesforceOrgFields.defaults());
        assertThat(org.sourceField()).isEqualTo("Last_Updated_By_Source__c");
        assertThat(org.taskKeyField()).isEqualTo("Sync_Key__c");
    }

    @Test
    void toStringMasksTheCredentials() {
        String shown = SalesforceAdapterConfig.SPEC.parse("SALESFORCE_", Map.of("client-id", "id-123",
                "client-secret", "very-secret", "password", "pw-456")).toString();
        assertThat(shown).doesNotContain("very-secret").doesNotContain("pw-456");
    }
}
