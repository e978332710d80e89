package dev.crmsync.testkit.instantly;

import java.util.Map;
import java.util.Optional;

/** Maps a method and path to the simulated operation; the operation names are what {@code requestsByOperation()} counts. */
final class InstantlyRoutes {
    static final String API = "/api/v2";

    /**
     * @param operation the counted name, e.g. {@code leads/list}
     * @param endpoint  what handles it
     * @param id        the resource id from the path, or null
     */
    record Route(String operation, SimEndpoint endpoint, String id) {
    }

    private final Map<String, Route> fixed;
    private final LeadEndpoints leads;
    private final WebhookEndpoints webhooks;

    InstantlyRoutes(LeadEndpoints leads, LeadListEndpoint leadList, InterestStatusEndpoint interest,
                    BlockListEndpoints blockList, CampaignEndpoints campaigns, WebhookEndpoints webhooks) {
        this.leads = leads;
        this.webhooks = webhooks;
        this.fixed = Map.ofEntries(
                Map.entry("POST /leads", new Route("leads/create", leads::create, null)),
                Map.entry("POST /leads/list", new Route("leads/list", leadList, null)),
                Map.entry("POST /leads/update-interest-status",
                        new Route("leads/update-interest-status", interest, null)),
                Map.entry("POST /leads/move", new Route("leads/move", leads::move, null)),
                Map.entry("POST /block-lists-entries", new Route("block-lists-entries/create", blockList::create, null)),
                Map.entry("POST /block-lists-entries/bulk-create",
                        new Route("block-lists-entries/bulk-create", blockList::bulkCreate, null)),
                Map.entry("GET /block-lists-entries", new Route("block-lists-entries/list", blockList::list, null)),
                Map.entry("GET /campaigns", new Route("campaigns/list", campaigns::list, null)),
                Map.entry("POST /campaigns", new Route("campaigns/create", campaigns::create, null)),
                Map.entry("GET /webhooks", new Route("webhooks/list", webhooks::list, null)),
                Map.entry("POST /webhooks", new Route("webhooks/create", webhooks::create, null)));
    }

    Optional<Route> resolve(String method, String path) {
        if (!path.startsWith(API + "/")) {
            return Optional.empty();
        }
        String rest = path.substring(API.length());
        Route route = fixed.get(method + " " + rest);
        if (route != null) {
            return Optional.of(route);
        }
        String[] parts = rest.substring(1).split("/", -1);
        if (parts.length == 2 && parts[0].equals("leads") && !parts[1].isEmpty()) {
            return switch (method) {
                case "GET" -> Optional.of(new Route("leads/get", leads::get, parts[1]));
                case "PATCH" -> Optional.of(new Route("leads/patch", leads::patch, parts[1]));
                case "DELETE" -> Optional.of(new Route("leads/delete", leads::delete, parts[1]));
                default -> Optional.empty();
            };
        }
        if (parts.length == 2 && parts[0].equals("webhooks") && !parts[1].isEmpty()) {
            return switch (method) {
                case "GET" -> Optional.of(new Route("webhooks/get", webhooks::get, parts[1]));
                case "PATCH" -> Optional.of(new Route("webhooks/patch", webhooks::patch, parts[1]));
                case "DELETE" -> Optional.of(new Route("webhooks/delete", webhooks::delete, parts[1]));
                default -> Optional.empty();
            };
        }
        if (parts.length == 3 && parts[0].equals("webhooks") && parts[2].equals("resume") && method.equals("POST")) {
            return Optional.of(new Route("webhooks/resume", webhooks::resume, parts[1]));
        }
        return Optional.empty();
    }
}
