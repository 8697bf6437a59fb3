package dev.aispend.report.ledger;

import dev.aispend.platform.ledger.LedgerEvent;
import dev.aispend.platform.ledger.LedgerProjection;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A second projection in the tests' application context, so they can show that projections follow, checkpoint
 * and rebuild independently: it only remembers the positions it was given, and forgets them on reset.
 */
@Singleton
public final class AppliedPositionsProjection implements LedgerProjection {
    public static final String NAME = "applied-positions";

    private final List<Long> applied = new CopyOnWriteArrayList<>();
    private volatile int resets;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void apply(Connection connection, List<LedgerEvent> events) {
        events.forEach(event -> applied.add(event.position()));
    }

    @Override
    public void reset(Connection connection) {
        applied.clear();
        resets++;
    }

    public List<Long> applied() {
        return List.copyOf(applied);
    }

    public int resets() {
        return resets;
    }
}
