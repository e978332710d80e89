package dev.crmsync.adapter.salesforce;

import dev.crmsync.core.config.AdapterConfig;
import dev.crmsync.core.config.Secret;
import dev.crmsync.core.spi.AdapterConfigException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Which OAuth 2.0 flow gets the session, chosen from the credentials set: a JWT key file means the JWT bearer
 * grant; a user name and password the password grant (sandboxes); a client id and secret alone the
 * client-credentials grant (the connected app's run-as user). The SOAP {@code login()} call is never used.
 */
public sealed interface SalesforceGrant {

    /** The grant type sent to the token endpoint. */
    String type();

    record JwtBearer(String clientId, String username, Path keyFile) implements SalesforceGrant {
        public String type() {
            return "urn:ietf:params:oauth:grant-type:jwt-bearer";
        }
    }

    record Password(String clientId, Secret clientSecret, String username, Secret password) implements SalesforceGrant {
        public String type() {
            return "password";
        }
    }

    record ClientCredentials(String clientId, Secret clientSecret) implements SalesforceGrant {
        public String type() {
            return "client_credentials";
        }
    }

    /** No client id: Salesforce is not configured; the adapter refuses to start with this. */
    record NotConfigured() implements SalesforceGrant {
        public String type() {
            return "none";
        }
    }

    static SalesforceGrant from(AdapterConfig config) {
        Optional<String> clientId = text(config, "client-id");
        Optional<String> clientSecret = text(config, "client-secret");
        Optional<String> username = text(config, "username");
        Optional<String> password = text(config, "password");
        Optional<String> keyFile = text(config, "jwt-key-file");
        if (clientId.isEmpty()) {
            return new NotConfigured();
        }
        if (keyFile.isPresent()) {
            return new JwtBearer(clientId.get(), username.orElseThrow(() -> new AdapterConfigException(
                    "salesforce jwt-key-file is set but username is not: the JWT bearer grant names the user "
                            + "(SALESFORCE_USERNAME)")), Path.of(keyFile.get()));
        }
        Secret secret = clientSecret.map(Secret::of).orElseThrow(() -> new AdapterConfigException(
                "salesforce client-secret is not set: the password and client-credentials grants need "
                        + "SALESFORCE_CLIENT_SECRET (or set SALESFORCE_JWT_KEY_FILE for the JWT bearer grant)"));
        if (username.isPresent() != password.isPresent()) {
            throw new AdapterConfigException("salesforce username and password go together (password grant); found "
                    + (username.isPresent() ? "username without password" : "password without username"));
        }
        if (username.isPresent()) {
            return new Password(clientId.get(), secret, username.get(), Secret.of(password.get()));
        }
        return new ClientCredentials(clientId.get(), secret);
    }

    private static Optional<String> text(AdapterConfig config, String key) {
        return config.string(key).map(String::strip).filter(s -> !s.isEmpty()).map(Objects::toString);
    }
}
