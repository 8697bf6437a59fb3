package dev.aispend.ingest.directory.cache;

import dev.aispend.ingest.directory.DirectoryChanged;
import io.micronaut.context.annotation.Property;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.postgresql.Driver;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Hears every change to the directory and empties the cache ({@link DirectoryCache}): on a connection of its own,
 * never one of the pool's (a pooled connection would be handed to requests, and a LISTEN ends with its session), it
 * LISTENs on {@value #CHANNEL}, which the table's trigger notifies at every committed change (migration V8), and
 * waits for notifications on a daemon thread. While it is not listening (start-up, the database restarting, the
 * connection lost) the cache is not used and is emptied; it connects again after a bounded backoff
 * ({@link ReconnectBackoff}), logging each loss and each recovery.
 */
@Singleton
final class DirectoryChangeListener {
    static final String CHANNEL = "aispend_directory_changed";
    /** How the connection shows in pg_stat_activity. */
    static final String APPLICATION_NAME = "aispend-ingest-directory-listener";
    private static final Logger LOG = LoggerFactory.getLogger(DirectoryChangeListener.class);
    /** One wait for notifications: also how soon the thread notices it should stop. */
    private static final int WAIT_FOR_NOTIFICATIONS_MILLIS = 500;
    /** A connection cut silently (a network partition) delivers nothing and fails nothing: it is checked this often. */
    private static final Duration CHECK_CONNECTION_EVERY = Duration.ofSeconds(5);
    private static final int CHECK_CONNECTION_TIMEOUT_SECONDS = 5;
    private static final int CONNECT_TIMEOUT_SECONDS = 5;
    private static final Duration STOP_WAIT = Duration.ofSeconds(15);
    /** The payload of the notification the listener sends itself to prove that notifications arrive. */
    private static final String LISTENER_CHECK = "listener-check";
    private static final Duration DELIVERY_CHECK_WAIT = Duration.ofSeconds(5);

    private final DirectoryCache cache;
    private final String url;
    private final @Nullable String user;
    private final @Nullable String password;
    private final CountDownLatch stopping = new CountDownLatch(1);
    private Thread thread;

    DirectoryChangeListener(DirectoryCache cache, @Property(name = "datasources.default.url") String url,
                            @Property(name = "datasources.default.username") @Nullable String user,
                            @Property(name = "datasources.default.password") @Nullable String password) {
        this.cache = cache;
        this.url = url;
        this.user = user;
        this.password = password;
    }

    @EventListener
    void onStartup(StartupEvent started) {
        start();
    }

    /** This instance's own change, heard at its commit: no need to wait for the notification. */
    @EventListener
    void onDirectoryChanged(DirectoryChanged changed) {
        cache.invalidate();
    }

    synchronized void start() {
        if (!cache.enabled() || thread != null) {
            return;
        }
        thread = new Thread(this::listenUntilStopped, "directory-change-listener");
        thread.setDaemon(true);
        thread.start();
    }

    /** Bounded: the thread notices within one wait for notifications, or a connection attempt's timeout. */
    @PreDestroy
    void stop() {
        stopping.countDown();
        Thread running;
        synchronized (this) {
            running = thread;
        }
        if (running == null) {
            return;
        }
        try {
            running.join(STOP_WAIT.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void listenUntilStopped() {
        ReconnectBackoff backoff = new ReconnectBackoff();
        int failedAttempts = 0;
        while (!stopped()) {
            boolean listened = false;
            try (Connection connection = connect()) {
                listen(connection);
                listened = true;
                failedAttempts = 0;
                backoff.reset();
                LOG.info("directory cache in use: listening for directory changes on {}", CHANNEL);
                follow(connection);
            } catch (SQLException | RuntimeException failure) {
                failedAttempts = listened ? 1 : failedAttempts + 1;
                if (!stopped()) {
                    LOG.warn("directory cache bypassed, every look-up asks the database: {} ({} in a row); "
                            + "connecting again in {} ms", failure.toString(), failedAttempts,
                            backoff.peek().toMillis());
                }
            } finally {
                cache.listening(false);
            }
            if (awaitStop(backoff.next())) {
                return;
            }
        }
    }

    /**
     * LISTEN, then prove that notifications arrive (a pooler in transaction mode would accept the LISTEN and
     * deliver nothing, leaving the cache stale until its TTL), then the cache emptied and used: every change
     * committed after the LISTEN will be heard. The proof notifies the other instances too; they empty their caches
     * once more, which costs them a query per alias.
     */
    private void listen(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("LISTEN " + CHANNEL);
            statement.execute("SELECT pg_notify('" + CHANNEL + "', '" + LISTENER_CHECK + "')");
        }
        requireDelivered(connection.unwrap(PGConnection.class));
        cache.listening(true);
    }

    private void requireDelivered(PGConnection notifications) throws SQLException {
        long deadline = System.nanoTime() + DELIVERY_CHECK_WAIT.toNanos();
        while (System.nanoTime() < deadline && !stopped()) {
            PGNotification[] heard = notifications.getNotifications(WAIT_FOR_NOTIFICATIONS_MILLIS);
            for (PGNotification notification : heard == null ? new PGNotification[0] : heard) {
                if (LISTENER_CHECK.equals(notification.getParameter())) {
                    return;
                }
            }
        }
        throw new SQLException("a notification sent on the listening connection did not arrive within "
                + DELIVERY_CHECK_WAIT.toSeconds() + " s (is DB_URL a pooler in transaction mode?)");
    }

    /** Returns only by failing, or once stopping. */
    private void follow(Connection connection) throws SQLException {
        PGConnection notifications = connection.unwrap(PGConnection.class);
        long checkedAt = System.nanoTime();
        while (!stopped()) {
            PGNotification[] heard = notifications.getNotifications(WAIT_FOR_NOTIFICATIONS_MILLIS);
            if (heard != null && heard.length > 0) {
                cache.invalidate();
            }
            if (System.nanoTime() - checkedAt >= CHECK_CONNECTION_EVERY.toNanos()) {
                if (!connection.isValid(CHECK_CONNECTION_TIMEOUT_SECONDS)) {
                    throw new SQLException("the listening connection did not answer within "
                            + CHECK_CONNECTION_TIMEOUT_SECONDS + " s");
                }
                checkedAt = System.nanoTime();
            }
        }
    }

    /** The service's database, by the pool's URL and credentials, but a connection of the listener's own. */
    private Connection connect() throws SQLException {
        Properties properties = new Properties();
        if (user != null) {
            properties.setProperty("user", user);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        properties.setProperty("connectTimeout", String.valueOf(CONNECT_TIMEOUT_SECONDS));
        properties.setProperty("ApplicationName", APPLICATION_NAME);
        Connection connection = new Driver().connect(url, properties);
        if (connection == null) {
            throw new SQLException("datasources.default.url (DB_URL) is not a PostgreSQL JDBC URL");
        }
        return connection;
    }

    private boolean stopped() {
        return stopping.getCount() == 0;
    }

    /** @return true once stopping (the wait ends at once then) */
    private boolean awaitStop(Duration wait) {
        try {
            return stopping.await(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return true;
        }
    }
}
