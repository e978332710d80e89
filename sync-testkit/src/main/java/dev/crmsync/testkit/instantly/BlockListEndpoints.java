package dev.crmsync.testkit.instantly;

import java.util.Locale;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

/**
 * {@code /api/v2/block-lists-entries}: create one ({@code bl_value}), bulk-create
 * ({@code bl_values}, 1 to 1,000; answers the array of entries it created, leaving out values already
 * listed and values that are neither an e-mail nor a domain), and list with cursor pagination.
 */
final class BlockListEndpoints {
    static final int MAX_BULK = 1_000;

    private final BlockList blockList;
    private final String workspaceId;

    BlockListEndpoints(BlockList blockList, String workspaceId) {
        this.blockList = blockList;
        this.workspaceId = workspaceId;
    }

    SimResponse create(SimRequest request) {
        JsonNode body = request.jsonObject();
        String value = body == null ? null : SimJson.text(body, "bl_value");
        if (value == null) {
            return InstantlyErrors.badRequest("body must have required property 'bl_value'");
        }
        if (!BlockList.isValid(value.trim().toLowerCase(Locale.ROOT))) {
            return InstantlyErrors.badRequest("body/bl_value must be an e-mail address or a domain");
        }
        return blockList.add(value).map(entry -> SimResponse.ok(entry.toJson(workspaceId)))
                .orElseGet(() -> InstantlyErrors.badRequest("Block list entry already exists"));
    }

    SimResponse bulkCreate(SimRequest request) {
        JsonNode body = request.jsonObject();
        JsonNode values = body == null ? null : body.get("bl_values");
        if (values == null || !values.isArray()) {
            return InstantlyErrors.badRequest("body must have required property 'bl_values'");
        }
        if (values.isEmpty() || values.size() > MAX_BULK) {
            return InstantlyErrors.badRequest("body/bl_values must have 1 to " + MAX_BULK + " items, found "
                    + values.size());
        }
        ArrayNode created = SimJson.MAPPER.createArrayNode();
        for (JsonNode value : values) {
            String text = value.isString() ? value.asString().trim().toLowerCase(Locale.ROOT) : "";
            if (BlockList.isValid(text)) {
                blockList.add(text).ifPresent(entry -> created.add(entry.toJson(workspaceId)));
            }
        }
        return SimResponse.ok(created);
    }

    SimResponse list(SimRequest request) {
        Integer limit = Pages.limit(request.query().get("limit"));
        if (limit == null) {
            return InstantlyErrors.badRequest("querystring/limit must be an integer from 1 to " + Pages.MAX_LIMIT);
        }
        return SimResponse.ok(Pages.page(blockList.all(), BlockList.Entry::id, entry -> entry.toJson(workspaceId),
                request.query().get("starting_after"), limit));
    }
}
