package dev.aispend.report.efficiency;

import dev.aispend.contracts.ledger.LedgerPayload;
import dev.aispend.contracts.ledger.OutcomeRecorded;
import dev.aispend.contracts.ledger.SpendRecorded;
import dev.aispend.contracts.ledger.SpendRepriced;
import dev.aispend.contracts.usage.UsageAccounting;
import dev.aispend.report.fixture.ExpectedFigures;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * What each spend, re-pricing and merged PR of a ledger adds, for the tests' plain second computations: the
 * attribution by the fixture's written rules ({@link ExpectedFigures#attributionOf}: re-attribution by later
 * links), the UTC day of use, cost, tokens, records and merged PRs. Never the report's code.
 *
 * @param records 1 for a spend record, 0 for a re-pricing or a PR
 */
public record LedgerLines(String team, String personRef, LocalDate day, long costUsdMicros, long tokens, long records,
                          long mergedPrs) {

    /** The lines of the entries up to {@code asOfPosition}; payload p-1 is the entry at position p. */
    public static List<LedgerLines> of(List<LedgerPayload> payloads, long asOfPosition) {
        ExpectedFigures rules = new ExpectedFigures(payloads);
        List<LedgerLines> lines = new ArrayList<>();
        for (int position = 1; position <= Math.min(asOfPosition, payloads.size()); position++) {
            LedgerPayload payload = payloads.get(position - 1);
            if (payload instanceof SpendRecorded spend) {
                lines.add(line(rules.attributionOf(position, asOfPosition), spend.occurredAt(),
                        spend.spend().costUsdMicros(), spend.spend().tokens().totalTokens(), 1, 0));
            } else if (payload instanceof SpendRepriced repriced) {
                lines.add(line(rules.attributionOf(position, asOfPosition), repriced.occurredAt(),
                        repriced.costDeltaUsdMicros(), 0, 0, 0));
            } else if (payload instanceof OutcomeRecorded outcome && "pull_request_merged".equals(outcome.kind())
                    && outcome.accounting() != UsageAccounting.EVIDENCE) {
                lines.add(line(rules.attributionOf(position, asOfPosition), outcome.occurredAt(), 0, 0, 0,
                        outcome.count() == null ? 1 : outcome.count()));
            }
        }
        return lines;
    }

    public boolean within(LocalDate from, LocalDate to) {
        return !day.isBefore(from) && !day.isAfter(to);
    }

    private static LedgerLines line(ExpectedFigures.Attribution attribution, Instant occurredAt, long cost,
                                    long tokens, long records, long prs) {
        return new LedgerLines(attribution.team(), attribution.personRef(),
                occurredAt.atZone(ZoneOffset.UTC).toLocalDate(), cost, tokens, records, prs);
    }
}
