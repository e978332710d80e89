package dev.crmsync.adapter.instantly;

import dev.crmsync.core.config.Secret;
import dev.crmsync.core.spi.AdapterContext;
import dev.crmsync.core.spi.RateBudget;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The operations the sync engine needs from Instantly's API v2, one method per documented endpoint
 * (see {@code docs/instantly.md}, "API v2 client"). Each call takes a permit from the host's
 * {@link RateBudget} first and pauses the budget on 429. Failures are thrown already classified:
 * {@link dev.crmsync.core.spi.TransientAdapterException} (429, 5xx, I/O),
 * {@link dev.crmsync.core.spi.AdapterConfigException} (401/403) or
 * {@link dev.crmsync.core.spi.PermanentAdapterException} (other 4xx). Thread-safe.
 */
public final class InstantlyClient {
    /** Instantly's page size limit on list calls. */
    public static final int MAX_PAGE_SIZE = 100;
    /** {@code POST /api/v2/block-lists-entries/bulk-create} takes 1 to 1,000 values. */
    public static final int MAX_BLOCK_LIST_BULK = 1_000;

    private final InstantlyHttp http;
    private final CallLog calls;

    private InstantlyClient(InstantlyHttp http, CallLog calls) {
        this.http = http;
        this.calls = calls;
    }

    /** A client for {@code baseUrl} (scheme and host; {@code /api/v2} is added) authenticating with {@code apiKey}. */
    public InstantlyClient(URI baseUrl, Secret apiKey, Duration timeout, RateBudget budget) {
        this(new InstantlyHttp(Objects.requireNonNull(baseUrl, "baseUrl"), Objects.requireNonNull(apiKey, "apiKey"),
                Objects.requireNonNull(timeout, "timeout"), Objects.requireNonNull(budget, "budget")),
                CallLog.discarding());
    }

    /** @throws dev.crmsync.core.spi.AdapterConfigException when the config has no API key */
    public static InstantlyClient from(InstantlyAdapterConfig config, AdapterContext context) {
        return new InstantlyClient(config.baseUrl(), config.requireApiKey(), config.timeout(), context.rateLimit());
    }

    /** This client, recording its calls into {@code log} (one writer call's view). */
    InstantlyClient recordingInto(CallLog log) {
        return new InstantlyClient(http, log);
    }

    // ---- leads

    /**
     * Sets a lead's interest status ({@code POST /leads/update-interest-status}). Instantly queues the
     * change as a background job and answers before it is applied.
     *
     * @param interestValue 1 interested, 2 meeting booked, 3 meeting completed, 4 won, 0 out of office,
     *                      -1 not interested, -2 wrong person, -3 lost, or a custom label's value;
     *                      null resets the lead to "Lead"
     */
    public void updateInterestStatus(String leadEmail, Integer interestValue) {
        ObjectNode body = InstantlyJson.object();
        body.put("lead_email", Objects.requireNonNull(leadEmail, "leadEmail"));
        if (interestValue == null) {
            body.putNull("interest_value");
        } else {
            body.put("interest_value", interestValue.intValue());
        }
        send("leads/update-interest-status", "POST", "/leads/update-interest-status", body, 1);
    }

    /** One page of leads ({@code POST /leads/list}), all of them or one campaign's, ordered by id. */
    public InstantlyPage<InstantlyLead> listLeads(String campaignIdOrNull, String startingAfter, int limit) {
        ObjectNode body = InstantlyJson.object();
        if (campaignIdOrNull != null) {
            body.put("campaign", campaignIdOrNull);
        }
        return leadPage(body, startingAfter, limit);
    }

    /**
     * Every lead of the given campaigns (all leads when the list is empty), fetched page by page as
     * the iterator is consumed. For a restartable walk, use {@link #listLeads} and keep the cursor.
     */
    public Iterator<InstantlyLead> leads(List<String> campaignIds) {
        List<String> campaigns = campaignIds.isEmpty() ? Collections.singletonList(null)
                : List.copyOf(campaignIds);
        return new PagingIterator<>(campaigns, (campaign, cursor) -> listLeads(campaign, cursor, MAX_PAGE_SIZE));
    }

    /** Every lead record of these e-mail addresses, in any campaign or list ({@code contacts} filter). */
    public List<InstantlyLead> leadsByEmail(Collection<String> emails) {
        List<InstantlyLead> found = new ArrayList<>();
        List<String> all = List.copyOf(emails);
        for (int from = 0; from < all.size(); from += MAX_PAGE_SIZE) {
            ObjectNode body = InstantlyJson.object();
            ArrayNode contacts = body.putArray("contacts");
            all.subList(from, Math.min(all.size(), from + MAX_PAGE_SIZE)).forEach(contacts::add);
            new PagingIterator<>(Collections.singletonList(null), (ignored, cursor) -> leadPage(body, cursor,
                    MAX_PAGE_SIZE)).forEachRemaining(found::add);
        }
        return found;
    }

    /** Updates one lead record's fields and custom variables ({@code PATCH /leads/{id}}). */
    public void patchLead(InstantlyLead lead, InstantlyLeadPatch patch) {
        send("leads/patch", "PATCH", "/leads/" + encode(lead.id()), patch.body(lead), 1);
    }

    /** Deletes one lead record, which takes it out of its campaign ({@code DELETE /leads/{id}}). */
    public void deleteLead(String leadId) {
        send("leads/delete", "DELETE", "/leads/" + encode(leadId), null, 1);
    }

    /** Moves lead records out of their campaigns into a lead list ({@code POST /leads/move}, a background job). */
    public void moveLeadsToList(List<String> leadIds, String listId) {
        ObjectNode body = InstantlyJson.object();
        ArrayNode ids = body.putArray("ids");
        leadIds.forEach(ids::add);
        body.put("to_list_id", listId);
        send("leads/move", "POST", "/leads/move", body, leadIds.size());
    }

    // ---- block list

    /**
     * Adds e-mail addresses or domains to the workspace block list, {@value #MAX_BLOCK_LIST_BULK} per
     * {@code POST /block-lists-entries/bulk-create} call.
     *
     * @return how many entries Instantly reported created (values already blocked may not be counted)
     */
    public int addToBlockList(List<String> values) {
        int created = 0;
        for (int from = 0; from < values.size(); from += MAX_BLOCK_LIST_BULK) {
            List<String> chunk = values.subList(from, Math.min(values.size(), from + MAX_BLOCK_LIST_BULK));
            ObjectNode body = InstantlyJson.object();
            ArrayNode blValues = body.putArray("bl_values");
            chunk.forEach(blValues::add);
            JsonNode answer = send("block-lists-entries/bulk-create", "POST", "/block-lists-entries/bulk-create",
                    body, chunk.size()).body();
            // The reference shows a bare array of created entries; a generated client reads {"items": [...]}.
            JsonNode items = answer.isArray() ? answer : answer.path("items");
            created += items.isArray() ? items.size() : chunk.size();
        }
        return created;
    }

    // ---- campaigns

    /** One page of campaigns ({@code GET /campaigns}). */
    public InstantlyPage<InstantlyCampaign> listCampaigns(String startingAfter, int limit) {
        return getPage("campaigns/list", "/campaigns", startingAfter, limit, InstantlyCampaign::from);
    }

    /** Every campaign of the workspace, all pages. */
    public List<InstantlyCampaign> allCampaigns() {
        return all((ignored, cursor) -> listCampaigns(cursor, MAX_PAGE_SIZE));
    }

    // ---- webhooks

    /** One page of webhook subscriptions ({@code GET /webhooks}). */
    public InstantlyPage<InstantlyWebhook> listWebhooks(String startingAfter, int limit) {
        return getPage("webhooks/list", "/webhooks", startingAfter, limit, InstantlyWebhook::from);
    }

    /** Every webhook subscription of the workspace, all pages. */
    public List<InstantlyWebhook> allWebhooks() {
        return all((ignored, cursor) -> listWebhooks(cursor, MAX_PAGE_SIZE));
    }

    public InstantlyWebhook createWebhook(InstantlyWebhookSpec spec) {
        return InstantlyWebhook.from(send("webhooks/create", "POST", "/webhooks", spec.body(), 1).body());
    }

    public InstantlyWebhook updateWebhook(String webhookId, InstantlyWebhookSpec spec) {
        return InstantlyWebhook.from(send("webhooks/patch", "PATCH", "/webhooks/" + encode(webhookId), spec.body(), 1)
                .body());
    }

    /** Re-enables a subscription Instantly disabled after failed deliveries ({@code POST /webhooks/{id}/resume}). */
    public InstantlyWebhook resumeWebhook(String webhookId) {
        return InstantlyWebhook.from(send("webhooks/resume", "POST", "/webhooks/" + encode(webhookId) + "/resume",
                null, 1).body());
    }

    // ---- plumbing

    private InstantlyResponse send(String operation, String method, String path, JsonNode body, int items) {
        return http.send(operation, method, path, body, items, calls).requireSuccess();
    }

    private InstantlyPage<InstantlyLead> leadPage(ObjectNode filter, String startingAfter, int limit) {
        ObjectNode body = filter.deepCopy();
        body.put("limit", pageSize(limit));
        if (startingAfter != null) {
            body.put("starting_after", startingAfter);
        }
        return page(send("leads/list", "POST", "/leads/list", body, 0).body(), InstantlyLead::from);
    }

    private <T> InstantlyPage<T> getPage(String operation, String path, String startingAfter, int limit,
                                         Function<JsonNode, T> reader) {
        String query = "?limit=" + pageSize(limit) + (startingAfter == null ? "" : "&starting_after=" + encode(startingAfter));
        return page(send(operation, "GET", path + query, null, 0).body(), reader);
    }

    private static <T> InstantlyPage<T> page(JsonNode body, Function<JsonNode, T> reader) {
        List<T> items = new ArrayList<>();
        for (JsonNode item : body.path("items")) {
            if (InstantlyJson.text(item, "id") != null) {
                items.add(reader.apply(item));
            }
        }
        return new InstantlyPage<>(items, InstantlyJson.text(body, "next_starting_after"));
    }

    private static <T> List<T> all(PagingIterator.PageSource<T> source) {
        List<T> items = new ArrayList<>();
        new PagingIterator<>(Collections.singletonList(null), source).forEachRemaining(items::add);
        return items;
    }

    private static int pageSize(int limit) {
        if (limit < 1 || limit > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("page size must be 1 to " + MAX_PAGE_SIZE + ", found " + limit);
        }
        return limit;
    }

    private static String encode(String value) {
        return URLEncoder.encode(Objects.requireNonNull(value, "id"), StandardCharsets.UTF_8);
    }
}
