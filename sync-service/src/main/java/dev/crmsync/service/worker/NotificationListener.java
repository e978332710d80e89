package dev.crmsync.service.worker;

import dev.crmsync.service.persistence.DirectConnections;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Properties;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds one dedicated connection that LISTENs on the work channels and signals the matching
 * {@link WakeUp}, so workers of every instance start within milliseconds of another instance's commit.
 * Reconnects by itself; while it is down, workers still poll at their interval.
 */
public final class NotificationListener implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(NotificationListener.class);

    private final String jdbcUrl;
    private final Properties credentials;
    private final Map<String, WakeUp> channels;
    private volatile boolean running = true;

    public NotificationListener(String jdbcUrl, String user, String password, Map<String, WakeUp> channels) {
        this.jdbcUrl = jdbcUrl;
        this.credentials = DirectConnections.settings(user, password, null);
        this.channels = Map.copyOf(channels);
    }

    @Override
    public void run() {
        while (running) {
            try (Connection connection = DriverManager.getConnection(jdbcUrl, credentials)) {
                try (Statement statement = connection.createStatement()) {
                    for (String channel : channels.keySet()) {
                        statement.execute("listen " + channel);
                    }
                }
                channels.values().forEach(WakeUp::signal);
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(500);
                    if (notifications == null) {
                        continue;
                    }
                    for (PGNotification n : notifications) {
                        WakeUp wakeUp = channels.get(n.getName());
                        if (wakeUp != null) {
                            wakeUp.signal();
                        }
                    }
                }
            } catch (SQLException e) {
                if (running) {
                    log.warn("LISTEN connection lost ({}); reconnecting in 1 s", e.getMessage());
                    pause();
                }
            }
        }
    }

    public void stop() {
        running = false;
    }

    private static void pause() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
