package dev.aispend.ledger.replay;

import io.micronaut.serde.annotation.Serdeable;

/** Where a replay is; every state but RUNNING is final. Stored by name in ledger_replay.state. */
@Serdeable
public enum ReplayState {
    RUNNING,
    COMPLETED,
    CANCELLED,
    FAILED
}
