package dev.aispend.report.web;

import dev.aispend.platform.web.FieldError;
import dev.aispend.report.query.Cube;
import dev.aispend.report.query.Dimension;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The common parameters of a report over a range of days: {@code from}, {@code to} (UTC days, both included),
 * {@code period} (day, week or month: rows per period), {@code groupBy} (comma-separated dimensions), and one
 * equality filter per dimension by its name ({@code team=platform}). Every problem is named in one 400.
 */
public record ReportQuery(Cube.Filter filter, List<Dimension> groupBy) {

    public static ReportQuery parse(HttpRequest<?> request, Set<Dimension> allowed, int maxRangeDays,
                                    @Nullable String defaultGroupBy) {
        List<FieldError> errors = new ArrayList<>();
        var parameters = request.getParameters();
        ReportRange range = ReportParameters.range(parameters.get("from"), parameters.get("to"), maxRangeDays,
                errors);
        List<Dimension> groupBy = new ArrayList<>();
        String period = parameters.get("period");
        if (period != null && !period.isBlank()) {
            Dimension dimension = Dimension.byParameter(period).filter(Dimension::isPeriod).orElse(null);
            if (dimension == null) {
                errors.add(new FieldError("period", "must be day, week or month"));
            } else {
                groupBy.add(dimension);
            }
        }
        String dimensions = parameters.get("groupBy") == null ? defaultGroupBy : parameters.get("groupBy");
        if (dimensions != null && !dimensions.isBlank()) {
            for (String name : dimensions.split(",")) {
                Dimension dimension = Dimension.byParameter(name).orElse(null);
                if (dimension == null || dimension.isPeriod() || !allowed.contains(dimension)) {
                    errors.add(new FieldError("groupBy", "'" + name.strip() + "' is not one of " + names(allowed)));
                } else if (!groupBy.contains(dimension)) {
                    groupBy.add(dimension);
                }
            }
        }
        Map<Dimension, String> equal = new LinkedHashMap<>();
        for (Dimension dimension : allowed) {
            String value = dimension.isPeriod() ? null
                    : ReportParameters.filter(dimension.parameter(), parameters.get(dimension.parameter()), 200, errors);
            if (value != null) {
                equal.put(dimension, value);
            }
        }
        ReportParameters.rejectIfAny(errors);
        return new ReportQuery(new Cube.Filter(range.from(), range.to(), equal), List.copyOf(groupBy));
    }

    /** Whether the rows or the filters single out people. */
    public boolean personLevel() {
        return groupBy.contains(Dimension.PERSON) || filter.equal().containsKey(Dimension.PERSON);
    }

    public LocalDate from() {
        return filter.from();
    }

    public LocalDate to() {
        return filter.to();
    }

    private static String names(Set<Dimension> allowed) {
        return String.join(", ", allowed.stream().filter(dimension -> !dimension.isPeriod())
                .map(Dimension::parameter).sorted().toList());
    }
}
