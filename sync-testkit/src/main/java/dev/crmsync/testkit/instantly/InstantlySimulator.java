package dev.crmsync.testkit.instantly;

import dev.crmsync.testkit.http.LoopbackServer;
import dev.crmsync.testkit.http.FaultPlan;
import dev.crmsync.testkit.http.RequestCounters;
import dev.crmsync.testkit.http.Storm;
import com.sun.net.httpserver.HttpServer;
import dev.crmsync.core.spi.SimulatorProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.node.ObjectNode;

/**
 * A stateful Instantly API v2 simulator on 127.0.0.1, speaking Instantly's JSON over real HTTP:
 * leads (create, list with cursor pagination, get, patch, delete, move, interest status), campaigns,
 * the block list (with bulk add) and webhook subscriptions (with resume), behind bearer auth and the
 * per-workspace rate limit (100 per second and 6,000 per minute, 429 with {@code Retry-After}), with
 * faults a test can inject. {@link #sendEvent} delivers webhook events to the subscriptions like
 * Instantly does, retries included. What it follows and where it guesses is in {@code docs/instantly.md}.
 *
 * <p>All methods are thread-safe. Setup and inspection methods act on the state directly, without
 * HTTP, so they neither count as requests nor use the rate budget.
 */
public final class InstantlySimulator implements SimulatorProvider.RunningSimulator {
    public static final String DEFAULT_API_KEY = "sim-instantly-key";
    public static final int DEFAULT_PER_SECOND = 100;
    public static final int DEFAULT_PER_MINUTE = 6_000;

    private final HttpServer server;
    private final ExecutorService executor;
    private final ScheduledExecutorService scheduler;
    private final String apiKey;
    private final String workspaceId = "019c0000-0000-7000-8000-00000000beef";
    private final Clock clock = Clock.systemUTC();
    private final LeadStore leads = new LeadStore(clock);
    private final CampaignStore campaigns = new CampaignStore(clock);
    private final BlockList blockList = new BlockList(clock);
    private final WebhookStore webhooks = new WebhookStore();
    private final RateLimits limits = new RateLimits(DEFAULT_PER_SECOND, DEFAULT_PER_MINUTE);
    private final FaultPlan faults = new FaultPlan();
    private final RequestCounters counters = new RequestCounters();
    private final WebhookSender sender;
    private final EventPayloads payloads = new EventPayloads(leads, campaigns, workspaceId, clock);

    private InstantlySimulator(int port, String apiKey) throws IOException {
        this.apiKey = Objects.requireNonNull(apiKey, "apiKey");
        this.executor = Executors.newFixedThreadPool(16, daemon("instantly-sim-"));
        this.scheduler = Executors.newScheduledThreadPool(2, daemon("instantly-sim-sender-"));
        this.sender = new WebhookSender(webhooks, clock, scheduler);
        InstantlyRoutes routes = new InstantlyRoutes(new LeadEndpoints(leads, campaigns, workspaceId, clock),
                new LeadListEndpoint(leads, workspaceId), new InterestStatusEndpoint(leads, clock),
                new BlockListEndpoints(blockList, workspaceId), new CampaignEndpoints(campaigns),
                new WebhookEndpoints(webhooks, workspaceId, clock));
        this.server = LoopbackServer.create(port, 0);
        server.createContext("/", new InstantlyApiHandler(apiKey, routes, limits, faults, counters,
                () -> SimStateView.render(leads, campaigns, blockList, webhooks, counters, sender.finished().size())));
        server.setExecutor(executor);
        server.start();
    }

    /** Starts on a free port with the API key {@value #DEFAULT_API_KEY}. */
    public static InstantlySimulator start() {
        return start(0, DEFAULT_API_KEY);
    }

    /** Starts on {@code port} (0 picks a free one), accepting only {@code Authorization: Bearer <apiKey>}. */
    public static InstantlySimulator start(int port, String apiKey) {
        try {
            return new InstantlySimulator(port, apiKey);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the Instantly simulator on port " + port, e);
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

    public String apiKey() {
        return apiKey;
    }

    /** The id every lead, entry and event of this simulator belongs to. */
    public String workspaceId() {
        return workspaceId;
    }

    /** {@code base-url} and {@code api-key}, the keys of the Instantly adapter's config. */
    @Override
    public Map<String, String> adapterConfig() {
        return Map.of("base-url", baseUrl(), "api-key", apiKey);
    }

    @Override
    public String statePath() {
        return InstantlyApiHandler.STATE_PATH;
    }

    // ---- setup

    /** Adds an active campaign and returns its id. */
    public String addCampaign(String name) {
        return campaigns.create(Objects.requireNonNull(name, "name"), 1).id();
    }

    /** Adds an active lead record to the campaign (null: no campaign) and returns its id. */
    public String addLead(String email, String campaignIdOrNull) {
        return addLead(email, campaignIdOrNull, Map.of());
    }

    /** Adds an active lead record with custom variables to the campaign (null: no campaign) and returns its id. */
    public String addLead(String email, String campaignIdOrNull, Map<String, String> customVariables) {
        return leads.create(Objects.requireNonNull(email, "email"), campaignIdOrNull, null, Map.of(),
                customVariables, null).id();
    }

    /** Adds an active lead record whose interest status ({@code lt_interest_status}) is already set, as after a reply. */
    public String addLeadWithInterest(String email, String campaignIdOrNull, int interestStatus) {
        return leads.create(Objects.requireNonNull(email, "email"), campaignIdOrNull, null, Map.of(), Map.of(),
                interestStatus).id();
    }

    /** Sets a lead record's interest status as Instantly's UI does, sending no webhook (a change a paused webhook missed). */
    public void setLeadInterest(String leadId, int interestStatus) {
        leads.update(leadId, lead -> lead.withInterest(interestStatus, clock.instant()))
                .orElseThrow(() -> new IllegalArgumentException("no lead " + leadId));
    }

    /** Sets a lead record's sending status: 1 active, 2 paused, 3 completed, -1 bounced, -2 unsubscribed, -3 skipped. */
    public void setLeadStatus(String leadId, int status) {
        leads.update(leadId, lead -> lead.withStatus(status, clock.instant()))
                .orElseThrow(() -> new IllegalArgumentException("no lead " + leadId));
    }

    /** Adds an active, workspace-wide webhook subscription and returns its id. */
    public String addWebhook(String targetUrl, String eventType, Map<String, String> headers) {
        SimulatedWebhook webhook = new SimulatedWebhook(webhooks.nextId(), targetUrl, eventType, null, null, headers,
                SimulatedWebhook.ACTIVE, null, clock.instant());
        webhooks.put(webhook);
        return webhook.id();
    }

    /** Disables a subscription as Instantly does after failed deliveries: status -1, {@code timestamp_error} now. */
    public void pauseWebhook(String webhookId) {
        webhooks.update(webhookId, w -> w.paused(clock.instant()))
                .orElseThrow(() -> new IllegalArgumentException("no webhook " + webhookId));
    }

    /**
     * A person labels the lead in Instantly's UI: every record of the e-mail takes this interest status
     * (null for "Lead"). Not an API call, so {@link #interestUpdates} does not count it; send the event
     * Instantly would send for it with {@link #sendEvent}.
     */
    public void labelLead(String email, Integer interestStatus) {
        for (SimulatedLead lead : leads.byEmail(email)) {
            leads.update(lead.id(), l -> l.withInterest(interestStatus, leads.clock().instant()));
        }
    }

    // ---- webhook deliveries

    /**
     * Sends one event, as Instantly would, to every active subscription that takes it. The body is
     * built from the lead's record (when the e-mail has one) and {@code extra}, which wins.
     *
     * @return completes when every delivery succeeded or was given up, with one entry per subscription
     */
    public CompletableFuture<List<WebhookDelivery>> sendEvent(String eventType, String leadEmail,
                                                              Map<String, Object> extra) {
        ObjectNode body = payloads.build(Objects.requireNonNull(eventType, "eventType"), leadEmail, extra);
        return sender.send(eventType, SimJson.text(body, "campaign_id"),
                SimJson.MAPPER.writeValueAsString(body).getBytes(StandardCharsets.UTF_8));
    }

    /** Finished deliveries, oldest first. */
    public List<WebhookDelivery> deliveries() {
        return sender.finished();
    }

    /** The waits before each retry of a failed delivery; default 2 s, 8 s, 20 s (three retries within 30 s). */
    public void setDeliveryRetryDelays(Duration... delays) {
        sender.setRetryDelays(List.of(delays));
    }

    /** How long one delivery try waits for the receiver; default 10 s. */
    public void setDeliveryTimeout(Duration timeout) {
        sender.setTimeout(Objects.requireNonNull(timeout, "timeout"));
    }

    /** After this many given-up deliveries in a row, a subscription is disabled (0, the default: never). */
    public void disableWebhookAfterFailedDeliveries(int count) {
        sender.disableAfterFailedDeliveries(count);
    }

    // ---- faults and limits

    /**
     * The next {@code count} authorised API requests answer {@code status} without being applied
     * (429 with {@code Retry-After: 1}). They count as requests.
     */
    public void failNext(int count, int status) {
        faults.failNext(null, count, status);
    }

    /** Like {@link #failNext(int, int)}, for the next requests of one operation, e.g. {@code leads/update-interest-status}. */
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

    /** The workspace budgets; default {@value #DEFAULT_PER_SECOND} per second and {@value #DEFAULT_PER_MINUTE} per minute. */
    public void setRateLimits(int perSecond, int perMinute) {
        limits.set(perSecond, perMinute);
    }

    // ---- inspection

    /** The e-mail's first lead record (oldest), looked up ignoring case. */
    public Optional<SimulatedLead> lead(String email) {
        return leads.byEmail(email).stream().findFirst();
    }

    /** Every lead record of the e-mail, one per campaign or list, oldest first. */
    public List<SimulatedLead> leads(String email) {
        return leads.byEmail(email);
    }

    /** The interest status of the e-mail's first lead record; empty when it has none ("Lead") or no record. */
    public Optional<Integer> interestStatus(String email) {
        return lead(email).map(SimulatedLead::interestStatus);
    }

    /** How many {@code update-interest-status} calls named this e-mail, applied or not. */
    public int interestUpdates(String email) {
        return leads.interestUpdates(email);
    }

    /** True when the address or its domain is on the block list. */
    public boolean isBlocked(String email) {
        return blockList.isBlocked(email);
    }

    /** The block list's values, in the order they were added. */
    public List<String> blockList() {
        return blockList.all().stream().map(BlockList.Entry::value).toList();
    }

    public List<SimulatedWebhook> webhooks() {
        return webhooks.all();
    }

    public Optional<SimulatedWebhook> webhook(String webhookId) {
        return webhooks.get(webhookId);
    }

    /** Authorised API requests admitted by the rate limit, including those answered with an injected fault. */
    public int requestCount() {
        return counters.total();
    }

    /** {@link #requestCount()} per operation, e.g. {@code leads/list}, {@code block-lists-entries/bulk-create}. */
    public Map<String, Integer> requestsByOperation() {
        return counters.byOperation();
    }

    /** Requests refused with 429 because a budget was spent (injected 429s are not counted here). */
    public int rateLimitedCount() {
        return counters.rateLimitedCount();
    }

    /** Back to the state just after start: no data, counts, faults or deliveries; default limits and sender settings. */
    public void reset() {
        leads.clear();
        campaigns.clear();
        blockList.clear();
        webhooks.clear();
        limits.reset(DEFAULT_PER_SECOND, DEFAULT_PER_MINUTE);
        faults.reset();
        counters.reset();
        sender.reset();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        scheduler.shutdownNow();
    }

    @Override
    public String toString() {
        return "InstantlySimulator[" + baseUrl() + "]";
    }

    private static ThreadFactory daemon(String prefix) {
        AtomicInteger threads = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
