package dev.crmsync.testkit.hubspot;

import dev.crmsync.testkit.http.LoopbackServer;
import dev.crmsync.testkit.http.FaultPlan;
import dev.crmsync.testkit.http.RequestCounters;
import dev.crmsync.testkit.http.Storm;
import com.sun.net.httpserver.HttpServer;
import dev.crmsync.core.spi.SimulatorProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Set;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stateful HubSpot CRM v3 simulator on 127.0.0.1, speaking HubSpot's JSON over real HTTP:
 * contacts batch upsert by email, contact reads, notes and tasks (single and batch create, with contact
 * associations, and search), contacts search (with HubSpot's 10,000-result cap), deals' contact
 * associations, the properties API and account details, behind bearer auth (a static token, or OAuth access
 * tokens from {@code /oauth/v1/token} that expire, with scopes), a rolling ten-second rate limit and a daily one
 * resetting at the account's midnight, with the {@code X-HubSpot-RateLimit-*} headers, and faults a test can inject.
 * Once {@link #configureWebhooks} is called it also sends signed webhooks like a HubSpot app's
 * subscription: for edits a "rep" makes ({@link #repEdit}) and for the API's own contact writes.
 * What it follows and where it guesses is written down in {@code docs/hubspot.md}.
 *
 * <p>All methods are thread-safe. Inspection methods read the simulator's state directly, without
 * going through HTTP, so they neither count as requests nor use the rate budget.
 */
public final class HubSpotSimulator implements SimulatorProvider.RunningSimulator {
    public static final String DEFAULT_ACCESS_TOKEN = "sim-hubspot-token";
    public static final int DEFAULT_RATE_LIMIT_PER_TEN_SECONDS = 100;
    public static final int DEFAULT_DAILY_LIMIT = 250_000;
    /** The portal (account) id webhooks carry, HubSpot's documentation example. */
    public static final long DEFAULT_PORTAL_ID = HubSpotErrors.PORTAL_ID;
    /** The HubSpot user whose edits {@link #repEdit(String, Map)} makes. */
    public static final long DEFAULT_REP_USER_ID = 45_678;
    /** The account's time zone ({@code GET /account-info/v3/details}); its midnight resets the daily budget. */
    public static final ZoneId DEFAULT_TIME_ZONE = ZoneId.of("America/New_York");
    /** The client id of the simulated OAuth app ({@link #oauthAdapterConfig}). */
    public static final String DEFAULT_CLIENT_ID = "sim-client-id";
    /** The simulated OAuth app's client secret when webhooks are not configured (else theirs: one app, one secret). */
    public static final String DEFAULT_CLIENT_SECRET = "sim-client-secret";
    /** The client secret of the app the sandbox simulator acts as; public, like the sandbox webhook secret. */
    public static final String SANDBOX_CLIENT_SECRET = "sandbox-hubspot-client-secret";
    /** The id of the app the sandbox simulator acts as: its own writes come back with this {@code sourceId}. */
    public static final long SANDBOX_APP_ID = 1_000_001L;

    private final HttpServer server;
    private final ExecutorService executor;
    private final String accessToken;
    private final CrmStore store = new CrmStore(Clock.systemUTC());
    private final DealStore deals = new DealStore(Clock.systemUTC());
    private final HubSpotWebhooks webhooks = new HubSpotWebhooks(Clock.systemUTC());
    private final PropertySchema schema = new PropertySchema();
    private final SimClock clock = new SimClock();
    private final SimTokens tokens;
    private final RateLimits limits = new RateLimits(DEFAULT_RATE_LIMIT_PER_TEN_SECONDS, DEFAULT_DAILY_LIMIT, clock,
            DEFAULT_TIME_ZONE);
    private final FaultPlan faults = new FaultPlan();
    private final RequestCounters counters = new RequestCounters();
    private volatile boolean partialEmailUpserts = true;
    private volatile WebhookApp app;
    private final ContactWriteLog contactWrites = new ContactWriteLog();

    /** The app a simulator acts as before it knows where to deliver: {@link #sendWebhooksTo} uses it. */
    private record WebhookApp(String clientSecret, long appId) {
    }

    private HubSpotSimulator(int port, String accessToken) throws IOException {
        this.accessToken = Objects.requireNonNull(accessToken, "accessToken");
        this.tokens = new SimTokens(accessToken, clock);
        AtomicInteger threads = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(16, runnable -> {
            Thread thread = new Thread(runnable, "hubspot-sim-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.server = LoopbackServer.create(port, 0);
        HubSpotRoutes routes = new HubSpotRoutes(store, deals, schema, Clock.systemUTC(), () -> partialEmailUpserts,
                upserted -> {
                    contactWrites.record(upserted);
                    webhooks.apiWrote(upserted);
                }, limits::zone);
        server.createContext("/", new HubSpotApiHandler(tokens, routes, limits, faults, counters,
                () -> SimStateView.render(store, counters)));
        server.createContext(RepEditPage.PATH, new RepEditPage(this::repEdit));
        server.setExecutor(executor);
        server.start();
    }

    /** Starts on a free port with the access token {@value #DEFAULT_ACCESS_TOKEN}. */
    public static HubSpotSimulator start() {
        return start(0, DEFAULT_ACCESS_TOKEN);
    }

    /** Starts on {@code port} (0 picks a free one), accepting only {@code Authorization: Bearer <accessToken>}. */
    public static HubSpotSimulator start(int port, String accessToken) {
        try {
            return new HubSpotSimulator(port, accessToken);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the HubSpot simulator on port " + port, e);
        }
    }

    /** {@code http://127.0.0.1:<port>}, no path: the adapter's {@code base-url}. */
    @Override
    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String accessToken() {
        return accessToken;
    }

    /**
     * {@code base-url} and {@code access-token}, the keys of the HubSpot adapter's config; once webhooks
     * are configured also {@code client-secret} and {@code app-id}.
     */
    @Override
    public Map<String, String> adapterConfig() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("base-url", baseUrl());
        config.put("access-token", accessToken);
        WebhookApp acting = app;
        if (acting != null) {
            config.put("client-secret", acting.clientSecret());
            config.put("app-id", String.valueOf(acting.appId()));
        }
        webhooks.settings().ifPresent(settings -> {
            config.put("client-secret", settings.clientSecret());
            config.put("app-id", String.valueOf(settings.appId()));
        });
        return Map.copyOf(config);
    }

    /**
     * Acts as the app with this client secret and id before the webhook target is known: {@link #adapterConfig()}
     * names them at once, and {@link #sendWebhooksTo} starts delivering signed with them.
     */
    public void actAsApp(String clientSecret, long appId) {
        app = new WebhookApp(Objects.requireNonNull(clientSecret, "clientSecret"), appId);
    }

    /**
     * Delivers webhooks to {@code endpoint} as the app of {@link #actAsApp}, as {@link #configureWebhooks} does.
     *
     * @throws IllegalStateException when {@link #actAsApp} was not called
     */
    @Override
    public void sendWebhooksTo(URI endpoint) {
        WebhookApp acting = app;
        if (acting == null) {
            throw new IllegalStateException("no app to sign webhooks as: call actAsApp(clientSecret, appId) first");
        }
        configureWebhooks(endpoint, acting.clientSecret(), acting.appId());
    }

    @Override
    public String statePath() {
        return HubSpotApiHandler.STATE_PATH;
    }

    // ---- faults and settings

    /**
     * The next {@code count} authorised API requests answer {@code status} without being applied:
     * 429 with HubSpot's rate-limit body, other statuses with an error JSON. They count as requests.
     */
    public void failNext(int count, int status) {
        faults.failNext(null, count, status);
    }

    /** Like {@link #failNext(int, int)}, for the next requests of one operation, e.g. {@code notes/batch/create}. */
    public void failNext(String operation, int count, int status) {
        faults.failNext(Objects.requireNonNull(operation, "operation"), count, status);
    }

    /** A {@link Storm} over every admitted API request until {@link #stopStorm()}; replaces an earlier storm. */
    public void startStorm(Storm storm) {
        faults.startStorm(Objects.requireNonNull(storm, "storm"));
    }

    public void stopStorm() {
        faults.stopStorm();
    }

    /** How often each storm outcome hit a request since start or {@link #reset()}. */
    public Map<Storm.Hit, Integer> stormHits() {
        return faults.stormHits();
    }

    /** Every request waits this long before it is handled. */
    public void setLatency(Duration latency) {
        faults.setLatency(Objects.requireNonNull(latency, "latency"));
    }

    /** The next API request is applied at once but answered only after {@code delay}: a client timeout after the write. */
    public void delayNextResponse(Duration delay) {
        faults.delayNext(null, Objects.requireNonNull(delay, "delay"));
    }

    /** Like {@link #delayNextResponse(Duration)}, for the next request of one operation. */
    public void delayNextResponse(String operation, Duration delay) {
        faults.delayNext(Objects.requireNonNull(operation, "operation"), Objects.requireNonNull(delay, "delay"));
    }

    /** The rolling ten-second budget; default {@value #DEFAULT_RATE_LIMIT_PER_TEN_SECONDS}. */
    public void setRateLimit(int perTenSeconds) {
        limits.setPerTenSeconds(perTenSeconds);
    }

    /**
     * A rolling window of {@code max} requests per {@code interval} instead of HubSpot's ten seconds, reported as
     * such in {@code X-HubSpot-RateLimit-Max} and {@code -Interval-Milliseconds}: pacing tests run in seconds.
     */
    public void setRateLimit(int max, Duration interval) {
        limits.setWindow(max, Objects.requireNonNull(interval, "interval").toMillis());
    }

    /** The account's time zone, whose midnight starts a new daily budget; default {@link #DEFAULT_TIME_ZONE}. */
    public void setTimeZone(ZoneId zone) {
        limits.setZone(Objects.requireNonNull(zone, "zone"));
    }

    /**
     * The clock OAuth access tokens expire by and the daily budget resets by (the system clock by default),
     * so a test reaches a token's expiry or the account's midnight without waiting.
     */
    public void useClock(Clock testClock) {
        clock.set(testClock);
    }

    /**
     * Turns on the simulated OAuth app: {@code POST /oauth/v1/token} with {@code grant_type=refresh_token}
     * issues access tokens living {@code tokenLifetime}; an expired one answers 401
     * {@code EXPIRED_AUTHENTICATION}. The static token keeps working.
     *
     * @return a refresh token for the app
     */
    public String enableOAuth(String clientId, String clientSecret, Duration tokenLifetime) {
        return tokens.enableOAuth(new SimTokens.OAuthApp(Objects.requireNonNull(clientId, "clientId"),
                Objects.requireNonNull(clientSecret, "clientSecret"), Objects.requireNonNull(tokenLifetime,
                "tokenLifetime")));
    }

    /**
     * The adapter's config for the OAuth path: {@code base-url}, {@code client-id}, {@code client-secret} and a new
     * {@code refresh-token} of the simulated app ({@link #enableOAuth}), and {@code app-id} once webhooks are
     * configured; no {@code access-token}.
     */
    public Map<String, String> oauthAdapterConfig(Duration tokenLifetime) {
        Map<String, String> config = new LinkedHashMap<>(adapterConfig());
        config.remove("access-token");
        String secret = config.getOrDefault("client-secret", DEFAULT_CLIENT_SECRET);
        config.put("client-id", DEFAULT_CLIENT_ID);
        config.put("client-secret", secret);
        config.put("refresh-token", enableOAuth(DEFAULT_CLIENT_ID, secret, tokenLifetime));
        return Map.copyOf(config);
    }

    /** Every OAuth access token issued so far answers 401 from now on, before its expiry. */
    public void revokeAccessTokens() {
        tokens.revokeAccessTokens();
    }

    /** How many OAuth access tokens the token endpoint has issued. */
    public int accessTokensIssued() {
        return tokens.accessTokensIssued();
    }

    /** Tokens have only these scopes from now on (all of {@code SimTokens.ALL_SCOPES} by default). */
    public void grantOnlyScopes(Collection<String> scopes) {
        tokens.grantOnly(Set.copyOf(scopes));
    }

    /** Tokens lose one scope, e.g. {@code crm.schemas.contacts.write}. */
    public void revokeScope(String scope) {
        Set<String> left = new java.util.HashSet<>(SimTokens.ALL_SCOPES);
        left.remove(scope);
        tokens.grantOnly(left);
    }

    /** Removes a property definition, as if the portal never had it (e.g. a custom {@code sync_*} one). */
    public void deleteProperty(String objectType, String name) {
        schema.remove(objectType, name);
    }

    /**
     * The property's definition as the properties API reports it ({@code type}, {@code fieldType},
     * {@code groupName}, {@code label}); empty when there is no such property.
     */
    public Optional<Map<String, String>> property(String objectType, String name) {
        return schema.find(objectType, name).map(definition -> {
            Map<String, String> shown = new LinkedHashMap<>();
            schema.createdWith(objectType, name).ifPresentOrElse(created -> {
                for (String field : List.of("type", "fieldType", "groupName", "label")) {
                    shown.put(field, SimJson.text(created, field));
                }
            }, () -> shown.put("type", definition.options() == null ? "string" : "enumeration"));
            return Map.copyOf(shown);
        });
    }

    /**
     * Adds a contact as test data, as an import would, with {@code lastmodifieddate} set to {@code lastModified};
     * it sends no webhook.
     *
     * @throws IllegalArgumentException when a property does not exist or is not valid
     */
    public String importContact(String email, Map<String, String> properties, Instant lastModified) {
        requireValid("contacts", properties);
        return store.importContact(email, properties, Objects.requireNonNull(lastModified, "lastModified")).id();
    }

    /** The daily budget; default {@value #DEFAULT_DAILY_LIMIT}. Exceeding it answers 429 with policy {@code DAILY}. */
    public void setDailyLimit(int perDay) {
        limits.setPerDay(perDay);
    }

    /**
     * Whether an email-keyed upsert with multi-status enabled applies its good inputs (default true).
     * HubSpot's contacts guide warns that partial upserts are not supported with {@code email} as
     * {@code idProperty}; false makes one bad input fail the whole batch with 400, whatever the opt-in.
     */
    public void setPartialEmailUpserts(boolean supported) {
        partialEmailUpserts = supported;
    }

    /**
     * Adds or replaces a property of {@code objectType} ({@code contacts} or {@code notes}); with
     * allowed values it is an enumeration, in the given order.
     */
    public void defineProperty(String objectType, String name, Collection<String> allowedValuesOrNull) {
        schema.define(Objects.requireNonNull(objectType, "objectType"), Objects.requireNonNull(name, "name"),
                allowedValuesOrNull);
    }

    // ---- webhooks and people

    /**
     * Subscribes the simulated app to contact and deal changes: from now on changes are POSTed to
     * {@code target} as HubSpot's JSON array of events, signed (v3, and v1) under {@code clientSecret},
     * with {@code appId} as the payload's {@code appId} and as the {@code sourceId} of API writes, and
     * portal {@value #DEFAULT_PORTAL_ID}. Webhooks for API writes are on; retries as
     * {@link #setWebhookRetries} says (3 quick ones by default).
     */
    public void configureWebhooks(URI target, String clientSecret, long appId) {
        webhooks.configure(Objects.requireNonNull(target, "target"), Objects.requireNonNull(clientSecret,
                "clientSecret"), appId, DEFAULT_PORTAL_ID);
    }

    /**
     * Whether contacts written through the API send webhooks ({@code changeSource} {@code INTEGRATION},
     * {@code sourceId} the app id), as HubSpot does for an app's own writes; on by default.
     *
     * @throws IllegalStateException when webhooks are not configured
     */
    public void emitWebhooksForApiWrites(boolean enabled) {
        webhooks.update(settings -> settings.withApiWrites(enabled));
    }

    /**
     * Not HubSpot: contact events also carry an {@code email} field, so an engine without an id-to-email
     * lookup can translate them. Off by default; HubSpot sends the email only as the value of a change
     * of the {@code email} property.
     */
    public void includeEmailInWebhooks(boolean enabled) {
        webhooks.update(settings -> settings.withEmail(enabled));
    }

    /**
     * A failed delivery (no answer, or a status HubSpot retries) is retried up to {@code maxRetries} times,
     * {@code delay} apart.
     */
    public void setWebhookRetries(int maxRetries, Duration delay) {
        webhooks.update(settings -> settings.withRetries(maxRetries, Objects.requireNonNull(delay, "delay")));
    }

    /** A rep edits the contact as user {@value #DEFAULT_REP_USER_ID}; see {@link #repEdit(String, Map, long)}. */
    public List<WebhookDelivery> repEdit(String email, Map<String, String> properties) {
        return repEdit(email, properties, DEFAULT_REP_USER_ID);
    }

    /**
     * A person edits the contact in HubSpot's UI (creating it when there is none; any lifecycle stage
     * may be chosen, backward too), then HubSpot sends one {@code contact.propertyChange} per changed
     * property ({@code changeSource} {@code CRM_UI}, {@code sourceId} {@code userId:<userId>}), plus a
     * {@code contact.creation} for a new contact, in one shuffled batch. Waits for the delivery.
     *
     * @return every delivery attempt, in order; empty when webhooks are not configured or nothing changed
     * @throws IllegalArgumentException when a property does not exist, is read-only or has no such option
     */
    public List<WebhookDelivery> repEdit(String email, Map<String, String> properties, long userId) {
        requireValid("contacts", properties);
        return webhooks.repEdited(store.editContact(email, properties), ChangeSource.rep(userId));
    }

    /**
     * A person deletes the contact in HubSpot's UI: it is gone from the API (reads answer 404), and HubSpot
     * sends a {@code contact.deletion} naming its id ({@code changeSource} {@code CRM_UI}). Waits for the delivery.
     *
     * @return every delivery attempt; empty when webhooks are not configured
     * @throws IllegalArgumentException when there is no such contact
     */
    public List<WebhookDelivery> repDeleteContact(String email) {
        CrmRecord deleted = store.deleteContact(email)
                .orElseThrow(() -> new IllegalArgumentException("no contact with that email to delete"));
        return webhooks.repDeleted(deleted, Clock.systemUTC().instant(), ChangeSource.rep(DEFAULT_REP_USER_ID));
    }

    /**
     * Creates a deal associated with these existing contacts, as test data; it sends no webhook.
     *
     * @return the deal's id
     * @throws IllegalArgumentException when a contact does not exist or a property is not valid
     */
    public String createDeal(Map<String, String> properties, Collection<String> contactEmails) {
        requireValid("deals", properties);
        List<String> contactIds = contactEmails.stream().map(email -> contactId(email).orElseThrow(
                () -> new IllegalArgumentException("no contact with that email to associate the deal with"))).toList();
        return deals.create(properties, contactIds).id();
    }

    /**
     * A person edits the deal in HubSpot's UI as user {@value #DEFAULT_REP_USER_ID}: one
     * {@code deal.propertyChange} per changed property. Waits for the delivery.
     *
     * @throws IllegalArgumentException when there is no such deal or a property is not valid
     */
    public List<WebhookDelivery> repEditDeal(String dealId, Map<String, String> properties) {
        requireValid("deals", properties);
        DealStore.Edited edit = deals.edit(dealId, properties)
                .orElseThrow(() -> new IllegalArgumentException("no deal " + dealId));
        return webhooks.repEdited(edit, ChangeSource.rep(DEFAULT_REP_USER_ID));
    }

    /** Every webhook delivery attempt so far, oldest first, API-write webhooks included. */
    public List<WebhookDelivery> webhookDeliveries() {
        return webhooks.deliveries();
    }

    /**
     * Waits until every webhook queued so far was delivered or given up: API writes send theirs after the API answered.
     *
     * @throws IllegalStateException when that takes longer than {@code timeout}
     */
    public void awaitWebhooks(Duration timeout) {
        webhooks.awaitIdle(Objects.requireNonNull(timeout, "timeout"));
    }

    private void requireValid(String objectType, Map<String, String> properties) {
        List<PropertyProblem> problems = schema.validate(objectType, properties);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid " + objectType + " properties: " + problems);
        }
    }

    // ---- inspection

    /** The contact's properties (email lower-cased, cleared properties absent), looked up ignoring case. */
    public Optional<Map<String, String>> contact(String email) {
        return store.contactByEmail(email).map(CrmRecord::properties);
    }

    public Optional<String> contactId(String email) {
        return store.contactByEmail(email).map(CrmRecord::id);
    }

    public int contactCount() {
        return store.contactCount();
    }

    /** The properties of the notes associated with this contact, oldest first; empty when there is no such contact. */
    public List<Map<String, String>> notesFor(String email) {
        return store.contactByEmail(email)
                .map(contact -> store.engagementsOfContact("notes", contact.id()).stream().map(CrmRecord::properties)
                        .toList())
                .orElse(List.of());
    }

    /** Every contact input the API applied through {@code contacts/batch/upsert}, oldest first. */
    public List<ContactWrite> contactWrites() {
        return contactWrites.all();
    }

    /** {@link #contactWrites()} for one contact, looked up ignoring case. */
    public List<ContactWrite> contactWrites(String email) {
        String key = CrmStore.emailKey(email);
        return contactWrites.all().stream().filter(w -> w.email().equals(key)).toList();
    }

    public int noteCount() {
        return store.engagementCount("notes");
    }

    /** The properties of the tasks associated with this contact, oldest first; empty when there is no such contact. */
    public List<Map<String, String>> tasksFor(String email) {
        return store.contactByEmail(email)
                .map(contact -> store.engagementsOfContact("tasks", contact.id()).stream().map(CrmRecord::properties)
                        .toList())
                .orElse(List.of());
    }

    public int taskCount() {
        return store.engagementCount("tasks");
    }

    /** The deal's properties; empty when there is no such deal. */
    public Optional<Map<String, String>> deal(String dealId) {
        return deals.deal(dealId).map(CrmRecord::properties);
    }

    /** Authorised API requests admitted by the rate limit, including those answered with an injected fault. */
    public int requestCount() {
        return counters.total();
    }

    /**
     * {@link #requestCount()} per operation: {@code contacts/batch/upsert}, {@code contacts/read},
     * {@code notes/create}, {@code notes/batch/create}, {@code notes/search}, {@code tasks/create},
     * {@code tasks/batch/create}, {@code tasks/search}, {@code deals/associations/contacts}.
     */
    public Map<String, Integer> requestsByOperation() {
        return counters.byOperation();
    }

    /** Requests refused with 429 because a budget was spent (injected 429s are not counted here). */
    public int rateLimitedCount() {
        return counters.rateLimitedCount();
    }

    /**
     * The most API calls the rolling ten-second window held when any call was admitted since the last time this
     * was asked (exact: counted at each admission, where sampling {@link #requestCount()} can only bound it).
     */
    public int takeBusiestWindow() {
        return limits.takeBusiestWindow();
    }

    /** Back to the state just after start: no records, counts, faults or webhooks; default limits and properties. */
    public void reset() {
        webhooks.reset();
        contactWrites.clear();
        store.clear();
        deals.clear();
        schema.reset();
        tokens.reset();
        clock.reset();
        limits.reset(DEFAULT_RATE_LIMIT_PER_TEN_SECONDS, DEFAULT_DAILY_LIMIT, DEFAULT_TIME_ZONE);
        faults.reset();
        counters.reset();
        partialEmailUpserts = true;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        webhooks.close();
    }

    @Override
    public String toString() {
        return "HubSpotSimulator[" + baseUrl() + "]";
    }
}
