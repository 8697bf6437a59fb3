package dev.aispend.report.projection;

import dev.aispend.contracts.ledger.IdentityLinked;
import dev.aispend.contracts.ledger.LedgerPayload;
import dev.aispend.contracts.ledger.OutcomeRecorded;
import dev.aispend.contracts.ledger.PolicyChangeRejected;
import dev.aispend.contracts.ledger.PolicyChanged;
import dev.aispend.contracts.ledger.PolicyDecisionRecorded;
import dev.aispend.contracts.ledger.SpendRecorded;
import dev.aispend.contracts.ledger.SpendRepriced;
import dev.aispend.contracts.ledger.UsageConflictFlagged;
import dev.aispend.contracts.ledger.UsageEvidenceRecorded;
import dev.aispend.contracts.policy.PolicyKind;
import dev.aispend.platform.ledger.LedgerEvent;
import dev.aispend.platform.ledger.LedgerProjection;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.util.List;

/**
 * Folds ledger.v1 into every report read model of the serving generation, in one transaction per delivery with
 * the checkpoint ({@code reports}) and each read model's position (read_model_position): so all reports are as of
 * the same ledger position, and a rebuild rebuilds them together. Entries are applied in order; lines are
 * buffered and written in batches, flushed before a correction or a link reads what came before it.
 */
@Singleton
public class ReportProjection implements LedgerProjection {
    public static final String NAME = "reports";
    /** The read models this projection keeps, each with its position and its digest (docs/reports.md). */
    public static final List<String> READ_MODELS = List.of("ledger-clock", "identity", "spend", "outcomes",
            "budgets", "policies", "decisions");

    private final JsonMapper json;
    private final EntryRecords records;

    public ReportProjection(JsonMapper json) {
        this.json = json;
        this.records = new EntryRecords(json);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void apply(Connection connection, List<LedgerEvent> events) {
        BudgetBook budgets = BudgetBook.load(connection, json);
        LineStore lines = new LineStore();
        LedgerClock clock = LedgerClock.continuing(connection);
        for (LedgerEvent event : events) {
            clock.observe(event.position(), event.envelope().recordedAt());
            apply(connection, event.position(), event.payload(), lines, budgets);
        }
        lines.flush(connection);
        clock.flush(connection);
        long first = events.get(0).position();
        long last = events.get(events.size() - 1).position();
        DailySums.add(connection, first, last);
        ReadModelPositions.advance(connection, last);
    }

    private void apply(Connection connection, long position, LedgerPayload payload, LineStore lines,
                       BudgetBook budgets) {
        if (payload instanceof SpendRecorded spend) {
            Attribution attribution = Reattribution.onArrival(connection, spend.personRef(), spend.team(),
                    spend.costCenter(), spend.occurredAt());
            lines.add(new LineStore.Origin(position, "SPEND", spend.personRef(), spend.occurredAt(), attribution));
            lines.add(SpendLine.recorded(position, SpendLine.SPEND, spend, attribution));
            budgets.lines(position, position, new BudgetBook.Scoped(spend.costCenter(), spend.team(),
                    spend.personRef(), spend.purpose(), spend.model(), spend.occurredAt()), 1,
                    spend.spend().costUsdMicros()).forEach(lines::add);
        } else if (payload instanceof SpendRepriced repricing) {
            lines.flush(connection);
            Repricings.apply(connection, position, repricing, lines, budgets);
        } else if (payload instanceof UsageEvidenceRecorded evidence) {
            SpendRecorded seen = evidence.evidence();
            lines.add(SpendLine.recorded(position, SpendLine.EVIDENCE, seen,
                    new Attribution(seen.personRef(), seen.team(), seen.costCenter())));
        } else if (payload instanceof OutcomeRecorded outcome) {
            Attribution attribution = Reattribution.onArrival(connection, outcome.personRef(), outcome.team(),
                    outcome.costCenter(), outcome.occurredAt());
            OutcomeLine line = OutcomeLine.recorded(position, outcome, attribution);
            if (line.counts()) {
                lines.add(new LineStore.Origin(position, "OUTCOME", outcome.personRef(), outcome.occurredAt(),
                        attribution));
            }
            lines.add(line);
        } else if (payload instanceof IdentityLinked link) {
            lines.flush(connection);
            records.link(connection, position, link);
            Reattribution.link(connection, position, link, lines);
        } else if (payload instanceof PolicyChanged change) {
            records.policy(connection, position, change);
            if (change.kind() == PolicyKind.BUDGET) {
                budgets.record(change.policyId(), position, change.version(), change.content());
            }
        } else if (payload instanceof PolicyChangeRejected rejection) {
            records.rejection(connection, position, rejection);
        } else if (payload instanceof PolicyDecisionRecorded decision) {
            records.decision(connection, position, decision);
        } else if (payload instanceof UsageConflictFlagged conflict) {
            records.conflict(connection, position, conflict);
        }
        // LegacyUsageRecorded never reaches here: the decoder upcasts it to SpendRecorded (LedgerEvent).
    }

    @Override
    public void reset(Connection connection) {
        Sql.update(connection, "TRUNCATE ledger_clock, identity_link, attribution_origin, spend_line, spend_daily, "
                + "spend_monthly, spend_person_daily, spend_person_monthly, spend_model_daily, spend_model_monthly, "
                + "outcome_line, outcome_daily, "
                + "policy_version, policy_rejection, decision, usage_conflict, budget_line, budget_daily, "
                + "read_model_position");
    }
}
