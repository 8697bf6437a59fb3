package dev.aispend.report.web;

import dev.aispend.platform.web.FieldError;
import dev.aispend.report.query.Dimension;
import io.micronaut.http.HttpRequest;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TeamReportRequestTest {
    private static final List<Dimension> MONTH_OR_WEEK = List.of(Dimension.MONTH, Dimension.WEEK);

    @Test
    void takes_the_range_the_team_and_the_default_period() {
        TeamReportRequest request = TeamReportRequest.parse(HttpRequest.GET("/x?from=2026-10-01&to=2026-10-31"
                + "&team=platform"), 366, MONTH_OR_WEEK, "12", null);

        assertThat(request.query().from()).isEqualTo(LocalDate.of(2026, 10, 1));
        assertThat(request.team()).isEqualTo("platform");
        assertThat(request.period()).isEqualTo(Dimension.MONTH);
        assertThat(request.asOf().position()).isEqualTo(12);
        assertThat(TeamReportRequest.parse(HttpRequest.GET("/x?from=2026-10-01&to=2026-10-31&period=week"), 366,
                MONTH_OR_WEEK, null, null).period()).isEqualTo(Dimension.WEEK);
    }

    @Test
    void names_every_bad_parameter_in_one_refusal() {
        assertThatThrownBy(() -> TeamReportRequest.parse(HttpRequest.GET("/x?to=2026-10-31&period=day"
                + "&groupBy=team&personRef=prs_a&model=m"), 366, MONTH_OR_WEEK, "yesterday", "xml"))
                .isInstanceOfSatisfying(InvalidReportRequestException.class, refused ->
                        assertThat(refused.errors()).extracting(FieldError::field).containsExactlyInAnyOrder(
                                "from", "period", "groupBy", "personRef", "model", "asOf", "format"));
    }

    @Test
    void refuses_a_period_from_a_report_without_one() {
        assertThatThrownBy(() -> TeamReportRequest.parse(HttpRequest.GET("/x?from=2026-10-01&to=2026-10-31"
                + "&period=month"), 366, List.of(), null, null))
                .isInstanceOfSatisfying(InvalidReportRequestException.class, refused ->
                        assertThat(refused.errors()).extracting(FieldError::field).containsExactly("period"));
    }
}
