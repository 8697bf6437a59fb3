package dev.aispend.ledger.repricing;

import dev.aispend.contracts.ledger.SpendRecorded;

/** A recorded spend selected for re-pricing, with the position it was recorded at. */
record SpendCandidate(long position, SpendRecorded recorded) {
}
