package dev.aispend.policy.check;

import dev.aispend.platform.ledger.LedgerTransactions;
import dev.aispend.platform.metrics.GaugeReading;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * {@code aispend.policy.reservations.open}: the reservations held now (made by an allowed check, not yet settled,
 * released or swept after expiry), counted in the reservation table every {@code policy.metrics.refresh-interval}, so a
 * scrape never waits on the database. One reservation holds a row per budget it counts against; it counts once.
 * Absent from the scrape until the first count.
 */
@Singleton
final class ReservationGauge {
    private final LedgerTransactions transactions;
    private final GaugeReading reading = new GaugeReading(ReservationGauge.class, "the open reservations");
    private volatile double open = Double.NaN;

    ReservationGauge(LedgerTransactions transactions, MeterRegistry meters) {
        this.transactions = transactions;
        Gauge.builder("aispend.policy.reservations.open", this, gauge -> gauge.open)
                .description("reservations held by allowed checks, not yet settled, released or expired")
                .register(meters);
    }

    @Scheduled(fixedDelay = "${policy.metrics.refresh-interval:15s}", initialDelay = "1s")
    void count() {
        reading.read(() -> open = transactions.inTransaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT count(DISTINCT reservation_id) FROM reservation"); ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            } catch (SQLException failure) {
                throw new ReservationStoreException("could not count the open reservations", failure);
            }
        }));
    }
}
