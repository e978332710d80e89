package dev.crmsync.service.alerts;

import dev.crmsync.service.metrics.SyncMetrics;
import dev.crmsync.service.worker.EventObserver;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Raises an alert for every processed {@value #EVENT_TYPE} event (a sending account of the source
 * failed, e.g. SMTP authentication): counter {@code sync.alerts{kind="account_error",source}}, a WARN
 * line, and a Slack post when {@code SLACK_WEBHOOK_URL} is set. Says the event id, source and error
 * type only: never the account's e-mail, the error message or any secret.
 */
public final class AccountErrorAlert implements EventObserver, AutoCloseable {
    static final String EVENT_TYPE = "account_error";
    private static final Logger log = LoggerFactory.getLogger(AccountErrorAlert.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** An error type is a code such as {@code smtp_auth_failed}; anything else (could be an address) is not repeated. */
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    private final SyncMetrics metrics;
    private final Optional<SlackNotifier> slack;

    public AccountErrorAlert(SyncMetrics metrics, Optional<SlackNotifier> slack) {
        this.metrics = metrics;
        this.slack = slack;
    }

    @Override
    public void processed(ProcessedEvent event) {
        if (!EVENT_TYPE.equals(event.eventType())) {
            return;
        }
        String errorType = errorType(event.payload()).orElse("unknown");
        metrics.alert(EVENT_TYPE, event.source());
        log.warn("ALERT account_error from {}: event {}, error type {}", event.source(), event.id(), errorType);
        slack.ifPresent(s -> s.post(":warning: crm-sync: " + event.source() + " reported an account error (event "
                + event.id() + ", error type " + errorType + "). Check the sending accounts in " + event.source() + "."));
    }

    /** Stops the Slack sender, after at most its timeout for a post in flight. */
    @Override
    public void close() {
        slack.ifPresent(SlackNotifier::close);
    }

    static Optional<String> errorType(byte[] payload) {
        try {
            JsonNode node = JSON.readTree(payload).get("error_type");
            if (node == null || !node.isString()) {
                return Optional.empty();
            }
            String value = node.asString().trim();
            return CODE.matcher(value).matches() && !value.contains("@") ? Optional.of(value) : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
