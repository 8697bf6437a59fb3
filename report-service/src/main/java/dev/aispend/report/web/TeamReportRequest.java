package dev.aispend.report.web;

import dev.aispend.platform.web.FieldError;
import dev.aispend.report.query.Dimension;
import dev.aispend.report.readmodel.AsOf;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The parameters of a report scoped at most to one team (efficiency, distribution): {@code from}, {@code to},
 * {@code team}, a {@code period} among those the report offers, {@code asOf} and {@code format}. Every problem,
 * these included, is named in one 400: a filter other than team, a {@code groupBy} (the grouping is fixed), a
 * period the report does not offer.
 *
 * @param period the period asked for, else the report's default (null for a report without one)
 */
public record TeamReportRequest(ReportQuery query, @Nullable Dimension period, AsOf asOf) {

    /**
     * @param periods       the periods the report offers, the first being its default; empty for none
     */
    public static TeamReportRequest parse(HttpRequest<?> request, int maxRangeDays, List<Dimension> periods,
                                          @Nullable String asOf, @Nullable String format) {
        List<FieldError> errors = new ArrayList<>();
        ReportQuery query = null;
        try {
            query = ReportQuery.parse(request, EnumSet.of(Dimension.TEAM), maxRangeDays, null);
        } catch (InvalidReportRequestException invalid) {
            errors.addAll(invalid.errors());
        }
        var parameters = request.getParameters();
        if (parameters.contains("groupBy") && errors.stream().noneMatch(error -> "groupBy".equals(error.field()))) {
            errors.add(new FieldError("groupBy", "is not a parameter of this report (its grouping is fixed); "
                    + "filter with team="));
        }
        String period = parameters.get("period");
        Dimension chosen = periods.isEmpty() ? null : periods.get(0);
        if (period != null && !period.isBlank()) {
            Dimension asked = Dimension.byParameter(period).filter(periods::contains).orElse(null);
            if (asked != null) {
                chosen = asked;
            } else if (errors.stream().noneMatch(error -> "period".equals(error.field()))) {
                errors.add(new FieldError("period", periods.isEmpty() ? "is not a parameter of this report"
                        : "must be one of " + String.join(", ", periods.stream().map(Dimension::parameter)
                        .toList())));
            }
        }
        for (Dimension dimension : notFilters()) {
            if (parameters.contains(dimension.parameter())) {
                errors.add(new FieldError(dimension.parameter(), "is not a filter of this report (only team)"));
            }
        }
        AsOf at = ReportParameters.asOf(asOf, errors);
        ReportParameters.checkFormat(request, format, errors);
        ReportParameters.rejectIfAny(errors);
        return new TeamReportRequest(query, chosen, at);
    }

    /** The team filter, or null. */
    @Nullable
    public String team() {
        return query.filter().equal().get(Dimension.TEAM);
    }

    private static Set<Dimension> notFilters() {
        Set<Dimension> others = EnumSet.allOf(Dimension.class);
        others.removeIf(dimension -> dimension.isPeriod() || dimension == Dimension.TEAM);
        return others;
    }
}
