package dev.aispend.report.anomalies;

import dev.aispend.platform.web.FieldError;
import dev.aispend.report.web.ReportDays;
import dev.aispend.report.web.ReportParameters;
import io.micronaut.core.annotation.Nullable;

import java.util.List;
import java.util.Locale;

/**
 * The parameters of the anomalies report, checked: the range (optional, {@link ReportDays}), one team, the status
 * of the flags listed (open or cleared), and the CSV {@code view} (flags, teams or totals; null for the default:
 * flags for callers who may see people, else teams).
 *
 * @param days   null for the month of the ledger clock
 * @param status null for both
 */
public record AnomalyQuery(@Nullable ReportDays days, @Nullable String team, @Nullable String status,
                           @Nullable String view) {
    public static final List<String> VIEWS = List.of("flags", "teams", "totals");

    /** Parses what was asked; every problem goes to {@code errors} (and null is returned then). */
    @Nullable
    public static AnomalyQuery parse(@Nullable String from, @Nullable String to, @Nullable String team,
                                     @Nullable String status, @Nullable String view, int maxRangeDays,
                                     List<FieldError> errors) {
        int before = errors.size();
        ReportDays days = ReportParameters.optionalRange(from, to, maxRangeDays, errors);
        String teamName = ReportParameters.team(team, errors);
        String wantedStatus = null;
        if (status != null && !status.isBlank()) {
            wantedStatus = status.strip().toLowerCase(Locale.ROOT);
            if (!wantedStatus.equals("open") && !wantedStatus.equals("cleared")) {
                errors.add(new FieldError("status", "must be open or cleared"));
            }
        }
        String wantedView = null;
        if (view != null && !view.isBlank()) {
            wantedView = view.strip().toLowerCase(Locale.ROOT);
            if (!VIEWS.contains(wantedView)) {
                errors.add(new FieldError("view", "must be flags, teams or totals"));
            }
        }
        return errors.size() > before ? null : new AnomalyQuery(days, teamName, wantedStatus, wantedView);
    }
}
