package dev.aispend.report.budgets;

import dev.aispend.platform.budget.BudgetDefinition;
import dev.aispend.platform.budget.BudgetScope;
import dev.aispend.platform.budget.BudgetVersion;
import dev.aispend.platform.budget.PeriodWindow;
import dev.aispend.report.audit.PersonRefs;
import dev.aispend.report.audit.RecordedJson;
import dev.aispend.report.query.ReportAsOf;
import dev.aispend.report.readmodel.ReportSnapshot;
import dev.aispend.report.web.ReportPrivacy;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Builds the budget report from one snapshot: versions, counted spend and recorded decisions as of its position. */
@Singleton
public class BudgetReports {
    private final ReportPrivacy privacy;
    private final RecordedJson json;

    public BudgetReports(ReportPrivacy privacy, RecordedJson json) {
        this.privacy = privacy;
        this.json = json;
    }

    /**
     * What was asked: a period key (null: the ledger clock's period), one budget id (null: every budget), one team
     * (null: every scope; else only budgets whose scope names that team).
     */
    public record Request(@Nullable String period, @Nullable String budgetId, @Nullable String team) {

        public Request(@Nullable String period, @Nullable String budgetId) {
            this(period, budgetId, null);
        }
    }

    public BudgetReport build(ReportSnapshot snapshot, Request request) {
        Instant clock = snapshot.ledgerClock();
        LocalDate askedDay = request.period() == null ? null : PeriodKeys.firstDay(request.period());
        BudgetReads reads = new BudgetReads(snapshot, json);
        BudgetDecisionReads decisions = new BudgetDecisionReads(snapshot, json, privacy.peopleVisible());
        List<BudgetReport.Budget> budgets = new ArrayList<>();
        for (BudgetVersion version : reads.versions(request.budgetId())) {
            if (request.team() != null && !request.team().equals(version.definition().scope().team())) {
                continue;
            }
            PeriodWindow window = null;
            if (askedDay != null) {
                window = PeriodKeys.windowOf(version.definition().period(), askedDay);
            } else if (clock != null) {
                window = version.definition().period().windowOf(clock);
            }
            BudgetReport.Period current = window == null ? null
                    : period(version, window, clock, reads, decisions);
            budgets.add(budget(version, current));
        }
        return new BudgetReport(ReportAsOf.of(snapshot), clock, request.period(), request.budgetId(),
                request.team(), !privacy.peopleVisible(), budgets);
    }

    private BudgetReport.Period period(BudgetVersion version, PeriodWindow window, @Nullable Instant clock,
                                       BudgetReads reads, BudgetDecisionReads decisions) {
        BudgetDefinition definition = version.definition();
        long amount = definition.amountUsdMicros();
        Map<LocalDate, Long> days = reads.spentByDay(version.budgetId(), window.key());
        long spent = days.values().stream().mapToLong(Long::longValue).reduce(0, Math::addExact);
        List<BudgetReport.Day> burnDown = BurnDown.series(window, ZoneId.of(definition.period().timeZone()), clock,
                days, amount);
        return new BudgetReport.Period(window.key(), window.start(), window.end(),
                clock != null && window.contains(clock), spent, Math.subtractExact(amount, spent),
                BurnDown.percentUsed(spent, amount), burnDown, definition.active()
                ? BudgetForecast.of(window, clock, spent, amount) : BudgetForecast.retired(window, clock),
                decisions.forecasts(version.budgetId(), window.key()),
                decisions.limits(version.budgetId(), window.key()),
                decisions.checksDenied(version.budgetId(), window.key()));
    }

    private BudgetReport.Budget budget(BudgetVersion version, @Nullable BudgetReport.Period current) {
        BudgetDefinition definition = version.definition();
        return new BudgetReport.Budget(version.budgetId(), visible(definition.name()), version.version(),
                version.ledgerPosition(), definition.active() ? "ACTIVE" : "RETIRED", scope(definition.scope()),
                new BudgetReport.PeriodRule(definition.period().unit().name(), definition.period().timeZone()),
                definition.amountUsdMicros(), definition.hardCap(), definition.softThresholdsPercent(),
                definition.forecastAlert(), current);
    }

    private BudgetReport.Scope scope(BudgetScope scope) {
        String personRef = scope.personRef() == null || privacy.peopleVisible() ? scope.personRef()
                : PersonRefs.HIDDEN;
        BudgetScope shown = new BudgetScope(visible(scope.costCenter()), visible(scope.team()), personRef,
                visible(scope.purpose()), visible(scope.model()));
        return new BudgetReport.Scope(shown.costCenter(), shown.team(), shown.personRef(), shown.purpose(),
                shown.model(), shown.label());
    }

    @Nullable
    private String visible(@Nullable String text) {
        return privacy.peopleVisible() ? text : PersonRefs.hide(text);
    }
}
