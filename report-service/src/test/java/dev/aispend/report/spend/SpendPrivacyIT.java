package dev.aispend.report.spend;

import dev.aispend.testsupport.security.TestIssuer;
import com.fasterxml.jackson.databind.JsonNode;
import dev.aispend.report.fixture.ReportMonth;
import dev.aispend.report.support.ReportAnswers;
import dev.aispend.report.support.ReportSystemTest;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * For a caller who may not see people (the default): no person-level view, no group of fewer than five people,
 * and no total that would give a hidden group away; requests that could not be answered the same later, or that
 * are malformed, are refused naming the parameter.
 */
@MicronautTest(transactional = false)
class SpendPrivacyIT extends ReportSystemTest {
    @Inject
    @Client("/")
    HttpClient http;

    @Override
    protected Map<String, String> moreProperties() {
        return Map.of("test.bearer.roles", NO_PEOPLE_ROLE);
    }

    @BeforeAll
    void publishTheMonth() {
        system.publishMonth();
    }

    @Test
    void hides_the_small_team_and_the_total_that_would_give_it_away() throws IOException {
        JsonNode web = ReportAnswers.json(http, "/v1/reports/spend?from=2026-10-01&to=2026-10-31&team=web");

        assertThat(web.at("/rows/0/suppressed").asBoolean()).isTrue();
        assertThat(web.at("/rows/0/figures").isMissingNode()).isTrue();
        assertThat(web.has("totals")).isFalse();
        assertThat(web.at("/suppression/totalsHidden").asBoolean()).isTrue();

        JsonNode everyone = ReportAnswers.json(http, "/v1/reports/spend?from=2026-10-01&to=2026-10-31");
        assertThat(everyone.at("/suppression/hiddenGroups").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(everyone.has("totals")).isTrue();
        for (JsonNode row : everyone.get("rows")) {
            assertThat(row.get("suppressed").asBoolean()).isEqualTo(row.get("people").asLong() < 5
                    || row.get("figures") == null);
        }
    }

    @Test
    void refuses_person_level_views_naming_the_parameter() {
        assertThatThrownBy(() -> ReportAnswers.json(http, "/v1/reports/spend?from=2026-10-01&to=2026-10-31"
                + "&groupBy=personRef")).isInstanceOfSatisfying(HttpClientResponseException.class, refused -> {
                    assertThat(refused.getStatus().getCode()).isEqualTo(403);
                    assertThat(refused.getResponse().getBody(String.class).orElseThrow()).contains("groupBy");
                });
    }

    @Test
    void answers_a_time_only_once_the_ledger_recorded_something_after_it() throws IOException {
        Instant last = Instant.parse(ReportMonth.envelopes().get(ReportMonth.envelopes().size() - 1).recordedAt());
        assertThatThrownBy(() -> ReportAnswers.json(http, "/v1/reports/spend?from=2026-10-01&to=2026-10-31&asOf="
                + last)).isInstanceOfSatisfying(HttpClientResponseException.class, refused -> {
                    assertThat(refused.getStatus().getCode()).isEqualTo(409);
                    assertThat(refused.getResponse().getBody(String.class).orElseThrow()).contains("asOf");
                });
        JsonNode earlier = ReportAnswers.json(http, "/v1/reports/spend?from=2026-10-01&to=2026-10-31&asOf="
                + ReportMonth.SECOND_HALF_BEGINS);
        assertThat(earlier.at("/asOf/ledgerPosition").asLong()).isEqualTo(ReportMonth.positionAfterFirstHalf());
    }

    @Test
    void refuses_a_month_beyond_four_digit_years_and_an_overlong_actor_naming_each() {
        assertThatThrownBy(() -> ReportAnswers.json(http, "/v1/reports/cfo-summary?month=-999999999-01"))
                .isInstanceOfSatisfying(HttpClientResponseException.class, refused -> {
                    assertThat(refused.getStatus().getCode()).isEqualTo(400);
                    assertThat(refused.getResponse().getBody(String.class).orElseThrow()).contains("month");
                });
        assertThatThrownBy(() -> http.toBlocking().exchange(HttpRequest.POST("/v1/reports/rebuilds", "{}")
                .bearerAuth(TestIssuer.token("a".repeat(200), "compliance-officer")), String.class))
                .isInstanceOfSatisfying(HttpClientResponseException.class, refused -> {
                    assertThat(refused.getStatus().getCode()).isEqualTo(400);
                    assertThat(refused.getResponse().getBody(String.class).orElseThrow()).contains("Authorization");
                });
    }
}
