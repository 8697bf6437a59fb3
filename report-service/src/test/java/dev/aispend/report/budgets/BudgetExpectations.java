package dev.aispend.report.budgets;

import dev.aispend.contracts.ledger.LedgerPayload;
import dev.aispend.contracts.ledger.OutcomeRecorded;
import dev.aispend.contracts.ledger.PolicyChanged;
import dev.aispend.contracts.ledger.PolicyDecisionRecorded;
import dev.aispend.contracts.ledger.SpendRecorded;
import dev.aispend.contracts.ledger.SpendRepriced;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A budget's figures for one period computed a second, plain way from the ledger's payloads, by docs/policy.md
 * alone (not by any report code): the window is written out by hand; a spend counts when recorded after the
 * budget's first version, its recorded team matching the scope (null: the organization) and its time of use in
 * the window, on its local day in the zone; a re-pricing adds its delta to its original's day when the original's
 * recorded team matches and its time falls in the window; decisions are read from the recorded ones.
 */
record BudgetExpectations(String budgetId, String team, ZoneId zone, Instant start, Instant end, String periodKey) {

    /** Position p is payloads.get(p - 1); only positions up to asOf count. */
    Map<LocalDate, Long> spentByDay(List<LedgerPayload> payloads, long asOf) {
        long created = Long.MAX_VALUE;
        Map<LocalDate, Long> days = new TreeMap<>();
        for (int position = 1; position <= asOf; position++) {
            LedgerPayload payload = payloads.get(position - 1);
            if (payload instanceof PolicyChanged change && change.policyId().equals(budgetId)) {
                created = Math.min(created, position);
            } else if (payload instanceof SpendRecorded spend && position > created && covers(spend.team())
                    && within(spend.occurredAt())) {
                days.merge(LocalDate.ofInstant(spend.occurredAt(), zone), spend.spend().costUsdMicros(), Long::sum);
            } else if (payload instanceof SpendRepriced repriced && position > created && covers(repriced.team())
                    && within(repriced.occurredAt())) {
                days.merge(LocalDate.ofInstant(repriced.occurredAt(), zone), repriced.costDeltaUsdMicros(),
                        Long::sum);
            }
        }
        return days;
    }

    long spent(List<LedgerPayload> payloads, long asOf) {
        return spentByDay(payloads, asOf).values().stream().mapToLong(Long::longValue).sum();
    }

    /** The amount of the budget's latest version up to asOf. */
    long amount(List<LedgerPayload> payloads, long asOf) {
        long amount = 0;
        for (int position = 1; position <= asOf; position++) {
            if (payloads.get(position - 1) instanceof PolicyChanged change && change.policyId().equals(budgetId)) {
                amount = ((Number) change.content().get("amountUsdMicros")).longValue();
            }
        }
        return amount;
    }

    /** The recorded threshold and exhaustion decisions of this budget and period: "percent@position". */
    List<String> limits(List<LedgerPayload> payloads, long asOf) {
        List<String> limits = new ArrayList<>();
        for (int position = 1; position <= asOf; position++) {
            if (payloads.get(position - 1) instanceof PolicyDecisionRecorded decision
                    && decision.subject().equals("budget:" + budgetId + "/" + periodKey)) {
                if (decision.kind().equals("BUDGET_THRESHOLD_CROSSED")) {
                    limits.add(decision.evidence().get("thresholdPercent") + "@" + position);
                } else if (decision.kind().equals("BUDGET_EXHAUSTED")) {
                    limits.add("100@" + position);
                }
            }
        }
        return limits;
    }

    /** The positions of recorded forecast decisions of this budget and period. */
    List<Long> forecasts(List<LedgerPayload> payloads, long asOf) {
        List<Long> positions = new ArrayList<>();
        for (int position = 1; position <= asOf; position++) {
            if (payloads.get(position - 1) instanceof PolicyDecisionRecorded decision
                    && decision.kind().equals("BUDGET_FORECAST_EXHAUSTION")
                    && decision.subject().equals("budget:" + budgetId + "/" + periodKey)) {
                positions.add((long) position);
            }
        }
        return positions;
    }

    /** CHECK decisions with result DENY decided by this budget whose evidence puts it in this period. */
    long checksDenied(List<LedgerPayload> payloads, long asOf) {
        long denied = 0;
        for (int position = 1; position <= asOf; position++) {
            if (payloads.get(position - 1) instanceof PolicyDecisionRecorded decision
                    && decision.kind().equals("CHECK") && decision.result().equals("DENY")
                    && decision.policyId().equals(budgetId)) {
                for (Object budget : (List<?>) decision.evidence().get("budgets")) {
                    Map<?, ?> fields = (Map<?, ?>) budget;
                    if (budgetId.equals(fields.get("budgetId")) && periodKey.equals(fields.get("periodKey"))) {
                        denied++;
                    }
                }
            }
        }
        return denied;
    }

    /** The ledger clock: the latest time of use, outcome or policy change up to asOf. */
    static Instant clock(List<LedgerPayload> payloads, long asOf) {
        Instant clock = null;
        for (int position = 1; position <= asOf; position++) {
            LedgerPayload payload = payloads.get(position - 1);
            Instant time = payload instanceof SpendRecorded spend ? spend.occurredAt()
                    : payload instanceof OutcomeRecorded outcome ? outcome.occurredAt()
                    : payload instanceof PolicyChanged change ? change.occurredAt() : null;
            if (time != null && (clock == null || time.isAfter(clock))) {
                clock = time;
            }
        }
        return clock;
    }

    /** linear-v1 written out again: the projected exhaustion, or null when it does not hold. */
    Instant projectedExhaustion(Instant clock, long spent, long amount) {
        if (clock.isBefore(start) || !clock.isBefore(end) || spent <= 0 || spent >= amount) {
            return null;
        }
        long elapsed = clock.toEpochMilli() - start.toEpochMilli();
        long length = end.toEpochMilli() - start.toEpochMilli();
        if (elapsed < 86_400_000L) {
            return null;
        }
        BigInteger reach = BigInteger.valueOf(amount).multiply(BigInteger.valueOf(elapsed));
        if (BigInteger.valueOf(spent).multiply(BigInteger.valueOf(length)).compareTo(reach) < 0) {
            return null;
        }
        BigInteger[] quotient = reach.divideAndRemainder(BigInteger.valueOf(spent));
        long millis = quotient[0].longValueExact() + (quotient[1].signum() > 0 ? 1 : 0);
        return Instant.ofEpochMilli(start.toEpochMilli() + millis);
    }

    static BigDecimal percent(long spent, long amount) {
        return new BigDecimal(spent).multiply(new BigDecimal(100)).divide(new BigDecimal(amount), 2,
                RoundingMode.FLOOR);
    }

    private boolean covers(String spendTeam) {
        return team == null || team.equals(spendTeam);
    }

    private boolean within(Instant time) {
        return !time.isBefore(start) && time.isBefore(end);
    }
}
