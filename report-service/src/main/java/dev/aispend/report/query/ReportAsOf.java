package dev.aispend.report.query;

import dev.aispend.report.readmodel.ReportSnapshot;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/**
 * Where in the ledger a report stands: the position it is as of, when the ledger recorded that entry, what the
 * read models had applied, and the generation that answered. Asking again with {@code asOf=ledgerPosition}
 * answers the same figures, now and after any rebuild.
 */
@Serdeable
public record ReportAsOf(long ledgerPosition, @Nullable Instant recordedAt, long appliedPosition, int generation) {

    public static ReportAsOf of(ReportSnapshot snapshot) {
        return new ReportAsOf(snapshot.asOfPosition(), snapshot.asOfRecordedAt(), snapshot.appliedPosition(),
                snapshot.generation());
    }
}
