package dev.crmsync.adapter.hubspot;

import dev.crmsync.core.model.CanonicalChange;
import java.util.Objects;
import java.util.Optional;

/**
 * Who made a change HubSpot reports: {@value #OURS} when it is one of our own writes coming back,
 * {@value #REP} for anything else (a person in HubSpot, a workflow, an import, another integration;
 * {@code changeSource} says which). A change is ours when
 * <ul>
 *   <li>{@code changeSource} is {@code INTEGRATION} and {@code sourceId} is our app id: HubSpot
 *       reports API writes by an app that way; or</li>
 *   <li>it sets our marker property {@value #MARKER_PROPERTY} to our client id ({@code crm-sync}),
 *       which a mapping may write alongside our values, for setups without an app id.</li>
 * </ul>
 * The payload's own {@code appId} is the app that subscribed to the webhook, always us, so it says
 * nothing about who made the change.
 */
final class HubSpotOrigin {
    static final String OURS = CanonicalChange.ORIGIN_OURS;
    static final String REP = "rep";
    static final String INTEGRATION = "INTEGRATION";
    static final String MARKER_PROPERTY = "sync_last_updated_by";

    private final Optional<String> appId;
    private final String clientId;

    HubSpotOrigin(Optional<Long> appId, String clientId) {
        this.appId = appId.map(String::valueOf);
        this.clientId = Objects.requireNonNull(clientId, "clientId");
    }

    String of(HubSpotEvent event) {
        boolean byOurApp = appId.isPresent()
                && event.text("changeSource").filter(INTEGRATION::equalsIgnoreCase).isPresent()
                && event.text("sourceId").filter(appId.get()::equals).isPresent();
        boolean ourMarker = event.propertyName().filter(MARKER_PROPERTY::equals).isPresent()
                && event.propertyValue().map(String::strip).filter(clientId::equals).isPresent();
        return byOurApp || ourMarker ? OURS : REP;
    }
}
