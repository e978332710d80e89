package dev.crmsync.core.spi;

/**
 * Decides whether a webhook really comes from its system. Called on a request thread for every
 * webhook, before the body is parsed or its size checked; must compare secrets in constant time
 * and must not log the request's headers or body. Thread-safe; never throws for bad input.
 */
public interface WebhookVerifier {

    Verification verify(WebhookRequest request);
}
