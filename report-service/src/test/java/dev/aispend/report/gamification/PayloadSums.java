package dev.aispend.report.gamification;

import dev.aispend.contracts.ledger.LedgerPayload;
import dev.aispend.contracts.ledger.OutcomeRecorded;
import dev.aispend.contracts.ledger.SpendRecorded;
import dev.aispend.contracts.usage.UsageAccounting;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The expected figures of the report tests, summed straight from the payloads a test published: a plain second
 * computation, sharing nothing with the report code.
 */
public final class PayloadSums {
    private PayloadSums() {
    }

    /** Per team: spend (USD micros) and merged PRs counted as outcomes, over the UTC days of use. */
    public static Map<String, long[]> spendAndMergedPrs(List<LedgerPayload> payloads, LocalDate from, LocalDate to) {
        Map<String, long[]> volumes = new TreeMap<>();
        for (LedgerPayload payload : payloads) {
            if (payload instanceof SpendRecorded spend && within(spend.occurredAt(), from, to)) {
                volumes.computeIfAbsent(spend.team(), unused -> new long[2])[0] += spend.spend().costUsdMicros();
            } else if (payload instanceof OutcomeRecorded outcome && within(outcome.occurredAt(), from, to)
                    && outcome.kind().equals("pull_request_merged")
                    && outcome.accounting() != UsageAccounting.EVIDENCE) {
                volumes.computeIfAbsent(outcome.team(), unused -> new long[2])[1] += 1;
            }
        }
        return volumes;
    }

    /** All spend over the UTC days of use, of one team when {@code team} is given. */
    public static long spend(List<LedgerPayload> payloads, LocalDate from, LocalDate to, String team) {
        return spendAndMergedPrs(payloads, from, to).entrySet().stream()
                .filter(entry -> team == null || team.equals(entry.getKey()))
                .mapToLong(entry -> entry.getValue()[0]).sum();
    }

    private static boolean within(Instant at, LocalDate from, LocalDate to) {
        LocalDate day = LocalDate.ofInstant(at, ZoneOffset.UTC);
        return !day.isBefore(from) && !day.isAfter(to);
    }
}
