package dev.aispend.platform.ledger;

import dev.aispend.contracts.ledger.LedgerEntry;

import java.util.List;

/**
 * A read model fed from ledger.v1. An implementation applies the entries in ONE transaction together with its
 * checkpoint (the last position applied), using {@link LedgerOrder#toApplyAfter} against that checkpoint, so a
 * crash anywhere leaves either all of a delivery applied or none of it.
 */
public interface LedgerProjection {
    void apply(List<LedgerEntry> delivered);
}
