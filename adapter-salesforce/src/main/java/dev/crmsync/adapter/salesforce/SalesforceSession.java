package dev.crmsync.adapter.salesforce;

import dev.crmsync.core.config.Secret;
import java.net.URI;
import java.util.Objects;

/**
 * An OAuth session: the access token force-wsc sends as its session id, the org's instance URL, and the
 * integration user's id (the last segment of the token response's {@code id} URL), whose own edits are ours.
 */
record SalesforceSession(Secret accessToken, URI instanceUrl, String userId) {
    SalesforceSession {
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(instanceUrl, "instanceUrl");
    }

    /** The partner endpoint: the instance URL plus {@code /services/Soap/u/64.0}. */
    String soapEndpoint() {
        return instanceUrl + "/services/Soap/u/" + SalesforceAdapterConfig.API_VERSION;
    }
}
