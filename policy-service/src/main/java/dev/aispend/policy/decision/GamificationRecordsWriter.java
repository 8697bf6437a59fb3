package dev.aispend.policy.decision;

import dev.aispend.platform.ledger.LedgerEvent;

import java.sql.Connection;
import java.util.List;

/**
 * Writes what the gamification decisions the ledger recorded say (the read side the API serves), inside the
 * gamification projection's transaction; implemented where the read side lives.
 */
public interface GamificationRecordsWriter {
    void apply(Connection connection, List<LedgerEvent> events);

    void reset(Connection connection);
}
