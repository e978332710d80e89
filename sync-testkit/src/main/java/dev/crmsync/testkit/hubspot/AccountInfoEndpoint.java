package dev.crmsync.testkit.hubspot;

import java.time.ZoneId;
import java.util.function.Supplier;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code GET /account-info/v3/details}: the account's {@code portalId}, {@code timeZone} (the zone its daily
 * API budget resets in), {@code utcOffset}, currency and UI domain, shaped as HubSpot's account information API.
 */
final class AccountInfoEndpoint implements SimEndpoint {
    static final String PATH = "/account-info/v3/details";

    private final Supplier<ZoneId> zone;
    private final java.time.Clock clock;

    AccountInfoEndpoint(Supplier<ZoneId> zone, java.time.Clock clock) {
        this.zone = zone;
        this.clock = clock;
    }

    @Override
    public SimResponse handle(SimRequest request) {
        ZoneId timeZone = zone.get();
        java.time.ZoneOffset offset = timeZone.getRules().getOffset(clock.instant());
        ObjectNode answer = SimJson.object();
        answer.put("portalId", HubSpotErrors.PORTAL_ID);
        answer.put("accountType", "STANDARD");
        answer.put("timeZone", timeZone.getId());
        answer.put("companyCurrency", "USD");
        answer.putArray("additionalCurrencies");
        answer.put("utcOffset", offset.getId().equals("Z") ? "+00:00" : offset.getId());
        answer.put("utcOffsetMilliseconds", offset.getTotalSeconds() * 1000L);
        answer.put("uiDomain", "app.hubspot.com");
        answer.put("dataHostingLocation", "na1");
        return SimResponse.of(200, answer);
    }
}
