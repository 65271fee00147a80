package id.pantau.storage.index;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The recording index: a pooled connection to H2 (a file in the data directory) or PostgreSQL, migrated to the
 * current schema by Flyway on open. For standalone tools and tests; the web app may let Spring Boot do this.
 */
public final class IndexDatabase implements AutoCloseable {

    /** Where the migrations live on the classpath. */
    public static final String MIGRATIONS = "classpath:db/migration";

    private static final Logger log = LoggerFactory.getLogger(IndexDatabase.class);
    private static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(5);
    private static final int HEALTH_QUERY_TIMEOUT_SECONDS = 2;

    private final HikariDataSource dataSource;

    private IndexDatabase(HikariDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Opens (creating if needed) the H2 database {@code <dataDir>/index.mv.db}. Only one process can have it
     * open at a time: H2's file lock is kept and AUTO_SERVER stays off, so a second opener fails instead of
     * silently turning the first process into a server.
     */
    public static IndexDatabase openFile(Path dataDir) {
        return open(h2FileUrl(dataDir), "sa", "");
    }

    /** JDBC URL of the H2 index in {@code dataDir}. */
    public static String h2FileUrl(Path dataDir) {
        String base = dataDir.toAbsolutePath().resolve("index").toString();
        if (base.indexOf(';') >= 0) {
            throw new IllegalArgumentException("data directory path must not contain ';': " + dataDir);
        }
        // DB_CLOSE_ON_EXIT=FALSE: the pool (and whoever owns it) closes the database, not a JVM shutdown hook
        // that may run while recorders still write their last segments
        return "jdbc:h2:file:" + base + ";DB_CLOSE_ON_EXIT=FALSE;AUTO_SERVER=FALSE;LOCK_TIMEOUT=10000";
    }

    /**
     * Opens any JDBC database (H2 or PostgreSQL) and migrates it. PostgreSQL needs its JDBC driver and
     * {@code org.flywaydb:flyway-database-postgresql} on the classpath.
     *
     * @throws IllegalStateException if the database cannot be reached or migrated
     */
    public static IndexDatabase open(String jdbcUrl, String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("pantau-index");
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(8);
        config.setConnectionTimeout(CONNECTION_TIMEOUT.toMillis());
        HikariDataSource dataSource;
        try {
            dataSource = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot open index database " + safeUrl(jdbcUrl) + ": " + e.getMessage(), e);
        }
        try {
            migrate(dataSource);
            return new IndexDatabase(dataSource);
        } catch (RuntimeException e) {
            dataSource.close();
            throw new IllegalStateException("cannot migrate index database " + safeUrl(jdbcUrl) + ": " + e.getMessage(), e);
        }
    }

    private static void migrate(DataSource dataSource) {
        MigrateResult result = Flyway.configure()
                .dataSource(dataSource)
                .locations(MIGRATIONS)
                .load()
                .migrate();
        if (result.migrationsExecuted > 0) {
            log.info("index schema migrated to version {} ({} migrations)", result.targetSchemaVersion,
                    result.migrationsExecuted);
        }
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /**
     * Whether {@code select 1} succeeds: a pooled connection (waiting at most the pool's 5 s connection timeout)
     * and a 2 s query timeout. Never throws. A failed check discards every pooled connection, since after a
     * database restart they are all dead; the next check (and the next caller) gets a fresh one.
     */
    public boolean reachable() {
        if (dataSource.isClosed()) {
            return false;
        }
        try (Connection connection = dataSource.getConnection()) {
            if (selectOne(connection)) {
                return true;
            }
            dataSource.evictConnection(connection);
            dataSource.getHikariPoolMXBean().softEvictConnections();
            return false;
        } catch (SQLException | RuntimeException e) {
            log.debug("index database health check failed: {}", e.toString());
            return false;
        }
    }

    private boolean selectOne(Connection connection) {
        try (Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(HEALTH_QUERY_TIMEOUT_SECONDS);
            try (ResultSet rs = statement.executeQuery("select 1")) {
                return rs.next() && rs.getInt(1) == 1;
            }
        } catch (SQLException e) {
            log.debug("index database health query failed: {}", e.toString());
            return false;
        }
    }

    /** Closes the pool; for H2 this closes the database file once the last connection is gone. */
    @Override
    public void close() {
        dataSource.close();
    }

    /** The URL without anything after ';' or '?', where credentials could be passed. */
    private static String safeUrl(String jdbcUrl) {
        int cut = jdbcUrl.length();
        for (char c : new char[] {';', '?'}) {
            int i = jdbcUrl.indexOf(c);
            if (i >= 0) {
                cut = Math.min(cut, i);
            }
        }
        return jdbcUrl.substring(0, cut);
    }

    @Override
    public String toString() {
        return "IndexDatabase[" + safeUrl(dataSource.getJdbcUrl()) + "]";
    }
}
