package dev.crmsync.adapter.salesforce;

import dev.crmsync.core.config.AdapterConfig;
import dev.crmsync.core.config.ConfigSpec;
import dev.crmsync.core.config.Secret;
import dev.crmsync.core.spi.AdapterConfigException;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The Salesforce adapter's settings, bound by the service from {@code SALESFORCE_LOGIN_URL},
 * {@code SALESFORCE_CLIENT_ID} and friends. {@link #toString()} masks every credential.
 *
 * @param loginUrl     scheme and host of the login server; the adapter adds {@code /services/oauth2/token}
 * @param instanceUrl  scheme and host of the org; absent means the token response's {@code instance_url}
 * @param grant        the OAuth grant and its credentials
 * @param timeout      how long one call may take
 * @param batchSize    records per create/update/upsert call, 1 to {@value #MAX_BATCH_SIZE}
 * @param lookupBatchSize commands per write round, everyone in them looked up together, 1 to
 *                     {@value #MAX_LOOKUP_BATCH_SIZE}
 * @param apiShare     the share of the org's daily API budget this service may use, above 0 and at most 1
 * @param limitPause   how long a target pauses after {@code REQUEST_LIMIT_EXCEEDED} or when its share is spent
 * @param maxConcurrentCalls calls in flight at once, under Salesforce's concurrent long-running request limit
 * @param org          the org's field names and the person-matching rules
 * @param feed         the change feed's settings
 */
public record SalesforceAdapterConfig(URI loginUrl, Optional<URI> instanceUrl, SalesforceGrant grant, Duration timeout,
                                      int batchSize, int lookupBatchSize, double apiShare, Duration limitPause,
                                      int maxConcurrentCalls, SalesforceOrgFields org, FeedSettings feed) {
    /** Salesforce's limit on records per create, update or upsert call. */
    public static final int MAX_BATCH_SIZE = 200;
    /**
     * The most commands one write round takes: as many rows as one page of a query's answer holds, so a round's
     * look-up is one call per object unless people have duplicates; a round is then about a dozen calls.
     */
    public static final int MAX_LOOKUP_BATCH_SIZE = 2_000;
    public static final String API_VERSION = "64.0";

    static final ConfigSpec SPEC = ConfigSpec.builder()
            .optional("login-url", URI.class, "https://login.salesforce.com", "Scheme and host of the login server "
                    + "(https://test.salesforce.com for sandboxes); the adapter adds /services/oauth2/token")
            .optional("instance-url", URI.class, null, "Scheme and host of the org (My Domain); the adapter adds "
                    + "/services/Soap/u/" + API_VERSION + ". Unset: the instance_url of the token response")
            .credential("client-id", "The connected app's consumer key")
            .credential("client-secret", "The connected app's consumer secret (password and client-credentials grants)")
            .credential("username", "The integration user (password and JWT bearer grants)")
            .credential("password", "The integration user's password, with its security token appended if the org "
                    + "asks for one (password grant, for sandboxes)")
            .credential("jwt-key-file", "Path to the PKCS#8 PEM private key whose certificate the connected app holds "
                    + "(JWT bearer grant)")
            .optional("timeout-ms", Integer.class, 30_000, "How long one call to Salesforce may take, in milliseconds")
            .optional("batch-size", Integer.class, MAX_BATCH_SIZE, "Records per write call, 1 to 200")
            .optional("lookup-batch-size", Integer.class, MAX_LOOKUP_BATCH_SIZE, "Commands per write round, 1 to "
                    + MAX_LOOKUP_BATCH_SIZE + ": everyone in a round is looked up with one query per object, then "
                    + "written in calls of batch-size")
            .optional("api-share", Double.class, 0.5, "Share of the org's rolling 24-hour API budget this service "
                    + "may use (Sforce-Limit-Info api-usage); above it the target pauses")
            .optional("limit-pause-ms", Integer.class, 900_000, "How long the target pauses when the budget is spent")
            .optional("max-concurrent-calls", Integer.class, 10, "Calls in flight at once")
            .optional("lookup-order", String.class, SalesforceOrgFields.CONTACT_FIRST, "contact-first (default: a "
                    + "Contact with the email if one exists, else a Lead) or lead-first")
            .optional("upsert-field", String.class, null, "An External ID or idLookup field of Lead to upsert by "
                    + "instead of looking people up (e.g. Email); its value comes from the command, or the email")
            .optional("source-field", String.class, "Last_Updated_By_Source__c", "Lead and Contact field our writes "
                    + "set to our client name, so their echoes are recognised")
            .optional("task-key-field", String.class, "Sync_Key__c", "External ID (unique) field on Task holding the "
                    + "activity key, so a retried Task is not written twice")
            .optional("lead-last-name-placeholder", String.class, "[not provided]", "LastName of a new Lead when "
                    + "the command has none")
            .optional("lead-company-placeholder", String.class, "[not provided]", "Company of a new Lead when the "
                    + "command has none")
            .optional("lead-only-fields", String.class, "Status,Company,Website", "Fields Contacts do not have; "
                    + "left out when the person is a Contact")
            .optional("poll-objects", String.class, "Lead,Contact", "Objects the change feed polls")
            .optional("poll-overlap-ms", Integer.class, 120_000, "How far behind its cursor each poll looks again, "
                    + "for records committed late with an earlier SystemModstamp")
            .optional("poll-interval-ms", Integer.class, 10_000, "Wait between polls once caught up")
            .optional("reconcile-interval-ms", Integer.class, 3_600_000, "How often the feed runs a getUpdated "
                    + "reconcile over the last interval")
            .build();

    public SalesforceAdapterConfig {
        Objects.requireNonNull(loginUrl, "loginUrl");
        Objects.requireNonNull(instanceUrl, "instanceUrl");
        Objects.requireNonNull(grant, "grant");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(limitPause, "limitPause");
        Objects.requireNonNull(org, "org");
        Objects.requireNonNull(feed, "feed");
    }

    /**
     * The change feed's settings.
     *
     * @param objects   the objects polled, e.g. Lead and Contact
     * @param overlap   how far behind the cursor a poll looks again
     * @param interval  the wait between polls once caught up
     * @param reconcile how often a getUpdated reconcile runs
     */
    public record FeedSettings(java.util.List<String> objects, Duration overlap, Duration interval, Duration reconcile) {
        public FeedSettings {
            objects = java.util.List.copyOf(objects);
        }
    }

    /**
     * Reads a config that passed {@link #SPEC}.
     *
     * @throws AdapterConfigException naming the bad key and value
     */
    public static SalesforceAdapterConfig from(AdapterConfig config) {
        URI loginUrl = hostOnly(config, "login-url", config.uri("login-url"));
        Optional<URI> instanceUrl = config.string("instance-url").map(URI::create)
                .map(u -> hostOnly(config, "instance-url", u));
        int batchSize = positive(config, "batch-size");
        if (batchSize > MAX_BATCH_SIZE) {
            throw new AdapterConfigException("salesforce batch-size must be between 1 and " + MAX_BATCH_SIZE
                    + " (Salesforce's limit per call), found " + batchSize);
        }
        int lookupBatchSize = positive(config, "lookup-batch-size");
        if (lookupBatchSize > MAX_LOOKUP_BATCH_SIZE) {
            throw new AdapterConfigException("salesforce lookup-batch-size must be between 1 and "
                    + MAX_LOOKUP_BATCH_SIZE + ", found " + lookupBatchSize);
        }
        double share = config.decimal("api-share");
        if (share <= 0 || share > 1) {
            throw new AdapterConfigException("salesforce api-share must be above 0 and at most 1, found " + share);
        }
        FeedSettings feed = new FeedSettings(SalesforceOrgFields.list(config.requireString("poll-objects")),
                Duration.ofMillis(nonNegative(config, "poll-overlap-ms")),
                Duration.ofMillis(positive(config, "poll-interval-ms")),
                Duration.ofMillis(positive(config, "reconcile-interval-ms")));
        return new SalesforceAdapterConfig(loginUrl, instanceUrl, SalesforceGrant.from(config),
                Duration.ofMillis(positive(config, "timeout-ms")), batchSize, lookupBatchSize, share,
                Duration.ofMillis(positive(config, "limit-pause-ms")), positive(config, "max-concurrent-calls"),
                SalesforceOrgFields.from(config), feed);
    }

    /** The token endpoint: the login URL plus {@code /services/oauth2/token}. */
    URI tokenUrl() {
        return URI.create(loginUrl + "/services/oauth2/token");
    }

    private static URI hostOnly(AdapterConfig config, String key, URI uri) {
        String path = uri.getPath();
        if (path != null && !path.isEmpty() && !path.equals("/")) {
            throw new AdapterConfigException("salesforce " + key + " must be scheme and host only (the adapter adds "
                    + "the paths), found path '" + path + "'");
        }
        String text = uri.toString();
        return URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
    }

    private static int positive(AdapterConfig config, String key) {
        int value = config.integer(key);
        if (value <= 0) {
            throw new AdapterConfigException("salesforce " + key + " must be above 0, found " + value);
        }
        return value;
    }

    private static int nonNegative(AdapterConfig config, String key) {
        int value = config.integer(key);
        if (value < 0) {
            throw new AdapterConfigException("salesforce " + key + " must be 0 or more, found " + value);
        }
        return value;
    }

}
