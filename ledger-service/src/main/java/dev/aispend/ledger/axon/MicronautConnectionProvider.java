package dev.aispend.ledger.axon;

import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.data.connection.ConnectionStatus;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.ConnectionWrapperFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Gives Axon the connection of the current Micronaut transaction, wrapped so that Axon's close() leaves it open
 * for the transaction's owner; outside a transaction, a connection of its own from the pool, which Axon closes.
 */
public final class MicronautConnectionProvider implements ConnectionProvider {
    private final ConnectionOperations<Connection> connections;
    private final DataSource pool;

    public MicronautConnectionProvider(ConnectionOperations<Connection> connections, DataSource dataSource) {
        this.connections = connections;
        // The injected DataSource is Micronaut's contextual proxy; Axon needs real pool connections when idle.
        this.pool = dataSource instanceof DelegatingDataSource delegating
                ? delegating.getTargetDataSource() : dataSource;
    }

    @Override
    public Connection getConnection() throws SQLException {
        Optional<ConnectionStatus<Connection>> current = connections.findConnectionStatus();
        if (current.isPresent()) {
            return ConnectionWrapperFactory.wrap(current.get().getConnection(),
                    new ConnectionWrapperFactory.NoOpCloseHandler());
        }
        return pool.getConnection();
    }
}
