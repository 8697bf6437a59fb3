package dev.aispend.policy.check;

import dev.aispend.platform.ledger.LedgerTransactions;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * {@code aispend.policy.reservations.open}: the reservations held now (made by an allowed check, not yet settled,
 * released or swept after expiry), counted in the reservation table every {@code policy.metrics.refresh-interval}, so a
 * scrape never waits on the database. One reservation holds a row per budget it counts against; it counts once.
 * NaN until the first count.
 */
@Singleton
final class ReservationGauge {
    private static final Logger LOG = LoggerFactory.getLogger(ReservationGauge.class);

    private final LedgerTransactions transactions;
    private volatile double open = Double.NaN;
    private boolean failing;

    ReservationGauge(LedgerTransactions transactions, MeterRegistry meters) {
        this.transactions = transactions;
        Gauge.builder("aispend.policy.reservations.open", this, gauge -> gauge.open)
                .description("reservations held by allowed checks, not yet settled, released or expired")
                .register(meters);
    }

    @Scheduled(fixedDelay = "${policy.metrics.refresh-interval:15s}", initialDelay = "1s")
    synchronized void count() {
        try {
            open = transactions.inTransaction(connection -> {
                try (PreparedStatement select = connection.prepareStatement(
                        "SELECT count(DISTINCT reservation_id) FROM reservation"); ResultSet row = select.executeQuery()) {
                    row.next();
                    return row.getLong(1);
                } catch (SQLException failure) {
                    throw new ReservationStoreException("could not count the open reservations", failure);
                }
            });
            failing = false;
        } catch (RuntimeException failure) {
            if (!failing) {
                LOG.warn("could not count the open reservations; the gauge keeps its last value: {}",
                        failure.toString());
            }
            failing = true;
        }
    }
}
