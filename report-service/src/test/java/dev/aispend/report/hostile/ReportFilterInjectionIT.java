package dev.aispend.report.hostile;

import dev.aispend.contracts.policy.PolicyKind;
import dev.aispend.report.audit.PolicyEntries;
import dev.aispend.report.support.ReportSystemTest;
import dev.aispend.testsupport.hostile.HostileValues;
import dev.aispend.testsupport.hostile.InjectionVerdict;
import dev.aispend.testsupport.hostile.RawHttp;
import dev.aispend.testsupport.security.TestIssuer;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static dev.aispend.testsupport.ledger.SpendMother.priced;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every query parameter of every report, sent SQL metacharacters, quotes, escapes and a NUL byte
 * (HostileValues): each is refused with 400 naming the parameter, or answered exactly as a value matching nothing
 * (InjectionVerdict); never a failure. The data is the same afterwards. A parameter a report gains goes in
 * {@link #parameters()}.
 */
@MicronautTest(transactional = false)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReportFilterInjectionIT extends ReportSystemTest {
    private static final Instant DAY = Instant.parse("2026-09-01T10:00:00Z");
    private static final String DAYS = "from=2026-09-01&to=2026-09-01";
    private static final String SPEND = "/v1/reports/spend?" + DAYS + "&groupBy=team,model";

    @Inject
    EmbeddedServer server;
    private RawHttp http;
    private String spendBefore;

    /** A report, the query it is asked with, and the one parameter given hostile values. */
    record Parameter(String path, String query, String name) {
        @Override
        public String toString() {
            return path + " " + name;
        }
    }

    static Stream<Parameter> parameters() {
        List<Parameter> parameters = new ArrayList<>();
        add(parameters, "/v1/reports/spend", DAYS, "team", "costCenter", "personRef", "model", "provider",
                "purpose", "source", "groupBy", "period", "from", "to", "asOf", "format");
        add(parameters, "/v1/reports/efficiency", DAYS, "team", "period", "from", "to", "asOf", "format");
        add(parameters, "/v1/reports/distribution", DAYS, "team", "from", "to", "asOf", "format");
        add(parameters, "/v1/reports/anomalies", DAYS, "team", "status", "from", "to", "asOf", "format", "view");
        add(parameters, "/v1/reports/gamification", DAYS, "team", "level", "minMergedPrs", "from", "to", "asOf",
                "format", "view");
        add(parameters, "/v1/reports/budgets", "", "period", "budgetId", "asOf", "format", "view");
        add(parameters, "/v1/reports/cfo-summary", "", "month", "asOf", "format");
        add(parameters, "/v1/reports/focus", DAYS, "from", "to", "asOf");
        add(parameters, "/v1/reports/audit/policy-changes", "", "kind", "policyId", "from", "to", "limit",
                "offset", "asOf", "format");
        add(parameters, "/v1/reports/audit/decisions", "", "kind", "subject", "policyId", "from", "to", "limit",
                "offset", "asOf", "format");
        add(parameters, "/v1/reports/audit/ledger", "", "verificationId", "format");
        add(parameters, "/v1/reports/digests", "", "asOf", "generation");
        return parameters.stream();
    }

    private static void add(List<Parameter> parameters, String path, String query, String... names) {
        for (String name : names) {
            parameters.add(new Parameter(path, query, name));
        }
    }

    @BeforeAll
    void recordSpendAndAPolicy() {
        http = new RawHttp(server.getURI());
        system.appendAndAwait(List.of(priced("spend-1", "platform", "model-a", DAY, 1_000, 2_500),
                priced("spend-2", "research", "model-b", DAY, 50, 700),
                PolicyEntries.budget("budget-1", 1, PolicyEntries.budgetContent("Platform", Map.of("team",
                        "platform"), "MONTH", "UTC", 1_000_000, List.of(50), false, true), DAY)));
        spendBefore = get(SPEND).body();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("parameters")
    @Order(1)
    void a_hostile_value_is_refused_naming_the_parameter_or_matches_nothing(Parameter parameter) {
        HttpResponse<String> baseline = get(uri(parameter, HostileValues.NO_MATCH));
        List<String> wrong = new ArrayList<>();
        for (String value : HostileValues.SQL_METACHARACTERS) {
            InjectionVerdict.of(parameter.name(), value, get(uri(parameter, value)), baseline).ifPresent(wrong::add);
        }

        assertThat(baseline.statusCode()).as(baseline.body()).isIn(200, 400);
        assertThat(wrong).isEmpty();
    }

    @Test
    @Order(2)
    void the_data_is_as_it_was() {
        assertThat(get(SPEND).body()).isEqualTo(spendBefore).contains("platform", "research", "model-a");
        assertThat(system.database().number("SELECT count(*) FROM report_generation")).isEqualTo(1);
    }

    private static String uri(Parameter parameter, String value) {
        Map<String, String> query = new LinkedHashMap<>();
        for (String pair : parameter.query().split("&")) {
            if (!pair.isEmpty()) {
                query.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
            }
        }
        query.put(parameter.name(), HostileValues.encoded(value));
        return parameter.path() + "?" + query.entrySet().stream().map(entry -> entry.getKey() + "=" + entry.getValue())
                .collect(Collectors.joining("&"));
    }

    private HttpResponse<String> get(String uri) {
        return http.get(uri, "Bearer " + TestIssuer.allRoles());
    }
}
