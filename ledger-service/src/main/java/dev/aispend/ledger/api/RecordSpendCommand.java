package dev.aispend.ledger.api;

import dev.aispend.contracts.ledger.SpendRecorded;

/**
 * Record one usage as priced spend. Sent once per record id: the intake filters ids already recorded, and the
 * aggregate's identifier ({@code usage:<recordId>}) makes a second recording impossible anyway.
 */
public record RecordSpendCommand(SpendRecorded spend) {
}
