package dev.crmsync.testkit.salesforce;

import dev.crmsync.testkit.http.LoopbackServer;
import com.sun.net.httpserver.HttpServer;
import dev.crmsync.core.spi.SimulatorProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stateful Salesforce org on 127.0.0.1, speaking the partner SOAP API (v64.0) that force-wsc parses, behind
 * the OAuth token endpoint: Leads, Contacts and Tasks; {@code create}, {@code update}, {@code upsert},
 * {@code query}/{@code queryMore}, {@code getDeleted}, {@code getUpdated}; per-record errors (restricted
 * picklists, required fields, duplicate external ids) and SOAP faults ({@code INVALID_SESSION_ID},
 * {@code REQUEST_LIMIT_EXCEEDED}, {@code INVALID_FIELD}, {@code MALFORMED_QUERY}); the daily API budget with
 * {@code Sforce-Limit-Info} and the {@code LimitInfoHeader}. Login and instance URL are both {@link #baseUrl()}.
 *
 * <p>API writes are made by the integration user {@link #INTEGRATION_USER_ID}; {@link #repEdit} and friends are a
 * sales rep ({@link #REP_USER_ID}) working in the UI, bumping {@code SystemModstamp}. Inspection methods read the
 * state directly and do not count as API calls. Thread-safe.
 */
public final class SalesforceSimulator implements SimulatorProvider.RunningSimulator {
    public static final String CLIENT_ID = "sim-salesforce-client-id";
    public static final String CLIENT_SECRET = "sim-salesforce-client-secret";
    public static final String USERNAME = "integration@crm-sync.example";
    public static final String PASSWORD = "sim-salesforce-password";
    public static final String INTEGRATION_USER_ID = "005000000000001AAA";
    public static final String REP_USER_ID = "005000000000002AAA";
    static final String STATE_PATH = "/_sim/state";

    private final HttpServer server;
    private final ExecutorService executor;
    private final SimSchema schema = new SimSchema();
    private final SObjectStore store;
    private final SessionRegistry sessions = new SessionRegistry();
    private final ApiUsage usage = new ApiUsage();
    private final SoapFaultPlan faults = new SoapFaultPlan();
    private final OrgCredentials credentials = new OrgCredentials(CLIENT_ID, CLIENT_SECRET, USERNAME, PASSWORD,
            INTEGRATION_USER_ID);
    private final PartnerSoapHandler soap;
    private final OAuthTokenHandler tokens;

    private SalesforceSimulator(int port, Clock clock) throws IOException {
        this.store = new SObjectStore(schema, clock);
        AtomicInteger threads = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(8, runnable -> {
            Thread thread = new Thread(runnable, "salesforce-sim-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.server = LoopbackServer.create(port, 0);
        this.soap = new PartnerSoapHandler(new PartnerOperations(store, schema), sessions, usage, faults);
        this.tokens = new OAuthTokenHandler(credentials, sessions, this::baseUrl);
        server.createContext("/services/Soap/u/", soap);
        server.createContext("/services/oauth2/token", tokens);
        server.createContext(STATE_PATH, exchange -> {
            try (exchange) {
                byte[] bytes = SimStateView.render(store, usage, soap).getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, bytes.length);
                exchange.getResponseBody().write(bytes);
            }
        });
        server.setExecutor(executor);
        server.start();
    }

    /** Starts on a free port. */
    public static SalesforceSimulator start() {
        return start(0);
    }

    public static SalesforceSimulator start(int port) {
        return start(port, Clock.systemUTC());
    }

    /** Starts on {@code port} (0 picks a free one); {@code clock} stamps API writes. */
    public static SalesforceSimulator start(int port, Clock clock) {
        try {
            return new SalesforceSimulator(port, clock);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the Salesforce simulator on port " + port, e);
        }
    }

    @Override
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** {@code login-url}, {@code instance-url}, {@code client-id} and {@code client-secret} (client-credentials grant). */
    @Override
    public Map<String, String> adapterConfig() {
        return Map.of("login-url", baseUrl(), "instance-url", baseUrl(), "client-id", CLIENT_ID,
                "client-secret", CLIENT_SECRET);
    }

    @Override
    public String statePath() {
        return STATE_PATH;
    }

    // ---- the org's people, as reps see them

    /** A Lead a rep created; returns its id. */
    public String addLead(Map<String, String> fields) {
        return store.insertDirect("Lead", fields, store.transactionStamp(), REP_USER_ID).id();
    }

    /** A Contact a rep created; returns its id. */
    public String addContact(Map<String, String> fields) {
        return store.insertDirect("Contact", fields, store.transactionStamp(), REP_USER_ID).id();
    }

    /** A rep edits a record in the UI: the fields change and {@code SystemModstamp} moves to now. */
    public SimRecord repEdit(String id, Map<String, String> changes) {
        return store.edit(id, changes, store.transactionStamp(), REP_USER_ID);
    }

    /**
     * A rep's edit whose transaction committed late: it becomes visible now but carries the earlier
     * {@code systemModstamp}, behind changes a poller may already have passed.
     */
    public SimRecord repEditCommittedLate(String id, Map<String, String> changes, Instant systemModstamp) {
        return store.edit(id, changes, systemModstamp, REP_USER_ID);
    }

    /** A rep deletes a record: it leaves queries and shows in {@code getDeleted}. */
    public void repDelete(String id) {
        store.delete(id);
    }

    public List<SimRecord> leads() {
        return store.find("Lead", r -> true);
    }

    public List<SimRecord> contacts() {
        return store.find("Contact", r -> true);
    }

    public List<SimRecord> tasks() {
        return store.find("Task", r -> true);
    }

    public Optional<SimRecord> record(String id) {
        return store.byId(id);
    }

    /** The Lead with this email, if exactly one has it. */
    public Optional<SimRecord> leadByEmail(String email) {
        List<SimRecord> found = store.find("Lead", r -> email.equalsIgnoreCase(r.get("Email")));
        return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
    }

    // ---- org settings and faults

    /** Lead.Status (or another restricted picklist) accepts only these values. */
    public void restrictPicklist(String object, String field, List<String> values) {
        schema.restrictPicklist(object, field, values);
    }

    /** Adds a custom field, e.g. an External ID to upsert by. */
    public void addField(String object, String field, boolean externalId) {
        schema.addField(object, field, externalId);
    }

    /** The connected app's certificate, needed for the JWT bearer grant. */
    public void registerJwtKey(PublicKey key) {
        credentials.registerJwtKey(Objects.requireNonNull(key, "key"));
    }

    /** Every issued session becomes invalid: the next call answers {@code INVALID_SESSION_ID}. */
    public void expireSessions() {
        sessions.expireAll();
    }

    /** The next {@code count} calls answer a SOAP fault with this exception code, unapplied. */
    public void failNext(int count, String exceptionCode) {
        faults.failNext(null, count, exceptionCode);
    }

    /** Like {@link #failNext(int, String)}, for one operation such as {@code query}. */
    public void failNext(String operation, int count, String exceptionCode) {
        faults.failNext(Objects.requireNonNull(operation, "operation"), count, exceptionCode);
    }

    /**
     * The next {@code count} calls are refused for the concurrent long-running request limit:
     * {@code REQUEST_LIMIT_EXCEEDED} with Salesforce's "ConcurrentRequests" message.
     */
    public void failNextWithConcurrentLimit(int count) {
        faults.failNext(null, count, SoapFaultPlan.CONCURRENT_LIMIT);
    }

    /** The daily API budget; once used up every call answers {@code REQUEST_LIMIT_EXCEEDED}. */
    public void setApiLimit(long limit) {
        usage.setLimit(limit);
    }

    public void setApiUsage(long used) {
        usage.setUsed(used);
    }

    public long apiUsage() {
        return usage.snapshot().used();
    }

    /** Admitted SOAP calls by operation. */
    public Map<String, Integer> callCounts() {
        return soap.callCounts();
    }

    /**
     * For each admitted call of {@code operation}, in order, the number of the session that made it (sessions are
     * numbered as the token endpoint issues them): two service instances hold different sessions.
     */
    public List<Integer> callSessions(String operation) {
        return soap.sessions(operation);
    }

    /** The {@code CallOptions} client names calls carried, in order. */
    public List<String> callClients() {
        return soap.clients();
    }

    /** Token requests of one grant type ({@code password}, {@code client_credentials} or the JWT grant's URN). */
    public int tokenRequests(String grantType) {
        return tokens.count(grantType);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
