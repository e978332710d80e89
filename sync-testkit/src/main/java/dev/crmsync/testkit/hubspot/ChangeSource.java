package dev.crmsync.testkit.hubspot;

import java.util.Objects;

/**
 * Who made a change, as a webhook's {@code changeSource} and {@code sourceId} report it: a person in
 * the CRM ({@code CRM_UI}, {@code userId:<id>}) or an app writing through the API
 * ({@code INTEGRATION}, the app's id).
 */
record ChangeSource(String changeSource, String sourceId) {

    ChangeSource {
        Objects.requireNonNull(changeSource, "changeSource");
        Objects.requireNonNull(sourceId, "sourceId");
    }

    static ChangeSource rep(long userId) {
        return new ChangeSource("CRM_UI", "userId:" + userId);
    }

    static ChangeSource integration(long appId) {
        return new ChangeSource("INTEGRATION", String.valueOf(appId));
    }
}
