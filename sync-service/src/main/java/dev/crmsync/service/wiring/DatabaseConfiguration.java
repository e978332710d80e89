package dev.crmsync.service.wiring;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The database the service runs on: embedded when {@code SYNC_DB_URL} is unset, the operator's otherwise. */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    @Bean(destroyMethod = "close")
    DatabaseServer databaseServer(SyncProperties properties) throws IOException {
        SyncProperties.Database db = properties.database();
        if (db.isEmbedded()) {
            return DatabaseServer.embedded(Path.of(db.dataDir()));
        }
        return DatabaseServer.external(db.url(), db.user(), db.password());
    }

    @Bean(destroyMethod = "close")
    DataSource dataSource(DatabaseServer server, SyncProperties properties) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("sync");
        config.setJdbcUrl(server.jdbcUrl());
        if (server.user() != null && !server.user().isBlank()) {
            config.setUsername(server.user());
        }
        if (server.password() != null && !server.password().isBlank()) {
            config.setPassword(server.password());
        }
        config.setMaximumPoolSize(properties.database().poolSize());
        // A webhook must hear 503 within 5 s when the database is gone; never wait longer for a connection.
        config.setConnectionTimeout(3_000);
        config.setValidationTimeout(1_000);
        config.addDataSourceProperty("socketTimeout", "60");
        config.addDataSourceProperty("connectTimeout", "3");
        config.addDataSourceProperty("tcpKeepAlive", "true");
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        config.setInitializationFailTimeout(-1);
        return new HikariDataSource(config);
    }
}
