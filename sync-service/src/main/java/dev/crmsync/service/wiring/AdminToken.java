package dev.crmsync.service.wiring;

import dev.crmsync.core.config.Secret;

/**
 * The admin token: {@code SYNC_ADMIN_TOKEN}, or, when no vendor has credentials (the whole service is
 * a sandbox), the documented default {@value #SANDBOX_DEFAULT}. Otherwise an unset token stops start-up.
 */
public record AdminToken(Secret value, boolean isSandboxDefault) {
    public static final String SANDBOX_DEFAULT = "sandbox-admin-token";
}
