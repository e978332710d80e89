package dev.crmsync.service.persistence;

import java.util.Properties;

/**
 * Settings for a connection opened outside the pool, for work that needs one session of its own for a
 * long time (LISTEN, a session advisory lock): a short connect timeout and TCP keep-alive, so a lost
 * database is noticed instead of waited on.
 */
public final class DirectConnections {

    private DirectConnections() {
    }

    /**
     * @param applicationName what {@code pg_stat_activity} shows for the session, or null for the driver's default
     */
    public static Properties settings(String user, String password, String applicationName) {
        Properties settings = new Properties();
        if (user != null && !user.isBlank()) {
            settings.setProperty("user", user);
        }
        if (password != null && !password.isBlank()) {
            settings.setProperty("password", password);
        }
        settings.setProperty("connectTimeout", "3");
        settings.setProperty("tcpKeepAlive", "true");
        if (applicationName != null) {
            settings.setProperty("ApplicationName", applicationName);
        }
        return settings;
    }
}
