package dev.crmsync.adapter.hubspot;

import dev.crmsync.core.spi.AdapterException;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The account's time zone: the configured {@code time-zone}, else {@code timeZone} from
 * {@code GET /account-info/v3/details}, asked once. Until HubSpot answers, UTC stands in and the question
 * is asked again at most every ten minutes. Thread-safe.
 */
final class AccountTimeZone implements Supplier<ZoneId> {
    private static final Logger log = LoggerFactory.getLogger(AccountTimeZone.class);
    static final String PATH = "/account-info/v3/details";
    static final Duration RETRY_AFTER = Duration.ofMinutes(10);

    private final Supplier<HubSpotClient> client;
    private final Clock clock;
    private volatile ZoneId known;
    private Instant lastAttempt = Instant.MIN;

    AccountTimeZone(Optional<ZoneId> configured, Supplier<HubSpotClient> client, Clock clock) {
        this.client = client;
        this.clock = clock;
        this.known = configured.orElse(null);
    }

    @Override
    public ZoneId get() {
        ZoneId zone = known;
        if (zone != null) {
            return zone;
        }
        synchronized (this) {
            if (known == null && !clock.instant().isBefore(lastAttempt.plus(RETRY_AFTER))) {
                lastAttempt = clock.instant();
                known = ask();
            }
            return known == null ? ZoneOffset.UTC : known;
        }
    }

    private ZoneId ask() {
        try {
            HubSpotResponse response = client.get().setup("account-info", PATH).requireSuccess();
            String id = HubSpotJson.text(response.body(), "timeZone");
            ZoneId zone = ZoneId.of(id == null ? "" : id);
            log.info("HubSpot account time zone is {} (its midnight resets the daily API budget)", zone);
            return zone;
        } catch (AdapterException | DateTimeException e) {
            log.warn("HubSpot account time zone unknown ({}); using UTC until it can be read; set HUBSPOT_TIME_ZONE "
                    + "to skip the lookup", e.getMessage());
            return null;
        }
    }
}
