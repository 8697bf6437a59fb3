package dev.aispend.ledger.axon;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.aispend.ledger.command.PolicyAggregate;
import dev.aispend.ledger.command.UsageRecordAggregate;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.transaction.SynchronousTransactionManager;
import jakarta.inject.Singleton;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;

import javax.sql.DataSource;
import java.sql.Connection;

/**
 * Axon Framework wired by hand into Micronaut (there is no official integration): the JDBC event store on the
 * service's PostgreSQL, transactions bridged to Micronaut's, Jackson for events. Schema comes from Flyway,
 * never from Axon. Started with the context, shut down with it. See docs/adr/0001-axon-on-micronaut.md.
 */
@Factory
final class AxonFactory {

    @Singleton
    TransactionManager axonTransactionManager(SynchronousTransactionManager<Connection> transactions) {
        return new MicronautTransactionManager(transactions);
    }

    @Singleton
    ConnectionProvider axonConnectionProvider(ConnectionOperations<Connection> connections, DataSource dataSource) {
        return new MicronautConnectionProvider(connections, dataSource);
    }

    /**
     * Events are stored as JSON with ISO-8601 instants, readable by an auditor with nothing but psql, under their
     * event type names (LedgerEventSerializer).
     */
    @Singleton
    Serializer axonSerializer() {
        ObjectMapper mapper = new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        return new LedgerEventSerializer(JacksonSerializer.builder().objectMapper(mapper));
    }

    @Singleton
    @Bean(preDestroy = "shutdown")
    Configuration axonConfiguration(TransactionManager transactionManager, ConnectionProvider connectionProvider,
                                    Serializer serializer) {
        JdbcEventStorageEngine storageEngine = JdbcEventStorageEngine.builder()
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .persistenceExceptionResolver(new PostgresDuplicateKeyResolver())
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .dataType(byte[].class)
                .build();
        Configuration configuration = DefaultConfigurer.defaultConfiguration()
                .configureSerializer(c -> serializer)
                .configureEventSerializer(c -> serializer)
                .configureMessageSerializer(c -> serializer)
                .configureTransactionManager(c -> transactionManager)
                .configureEventStore(c -> EmbeddedEventStore.builder().storageEngine(storageEngine).build())
                .configureCommandBus(c -> SimpleCommandBus.builder().transactionManager(transactionManager).build())
                .configureAggregate(UsageRecordAggregate.class)
                .configureAggregate(PolicyAggregate.class)
                .buildConfiguration();
        configuration.start();
        return configuration;
    }

    @Singleton
    CommandGateway commandGateway(Configuration configuration) {
        return configuration.commandGateway();
    }
}
