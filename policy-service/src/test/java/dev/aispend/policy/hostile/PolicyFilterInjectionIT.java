package dev.aispend.policy.hostile;

import dev.aispend.testsupport.hostile.HostileValues;
import dev.aispend.testsupport.hostile.InjectionVerdict;
import dev.aispend.testsupport.hostile.RawHttp;
import dev.aispend.testsupport.ledger.LedgerFollowerFixture;
import dev.aispend.testsupport.security.TestIssuer;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every filter of policy-service's lists (badge awards, anomaly flags) sent SQL metacharacters, quotes, escapes
 * and a NUL byte (HostileValues): refused with 400 naming it, or answered as a value matching nothing
 * (InjectionVerdict); never a failure. An award and a flag are in the read model, and still are afterwards. A
 * filter added later goes in the list.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PolicyFilterInjectionIT implements TestPropertyProvider {
    @Inject
    EmbeddedServer server;
    private final LedgerFollowerFixture fixture = LedgerFollowerFixture.create("policy");
    private RawHttp http;

    @Override
    public Map<String, String> getProperties() {
        return fixture.applicationProperties();
    }

    @BeforeAll
    void insertAnAwardAndAFlag() {
        http = new RawHttp(server.getURI());
        fixture.database().execute("INSERT INTO badge_award (decision_id, person_ref, team, badge_id, badge_version,"
                        + " tier, window_key, evidence, ledger_position, decided_at) VALUES ('award-1', 'prs_alice',"
                        + " 'platform', 'badge-1', 1, 'GOLD', '2026-W40', '{}', 5, '2026-10-05T10:00:00Z')",
                "INSERT INTO anomaly_flag (decision_id, person_ref, team, rule_id, rule_version, window_key,"
                        + " flagged_spend_usd_micros, evidence, ledger_position, decided_at) VALUES ('flag-1',"
                        + " 'prs_alice', 'platform', 'rule-1', 1, '2026-10-05', 9000, '{}', 6,"
                        + " '2026-10-05T10:00:00Z')");
    }

    @AfterAll
    void closeFixture() {
        fixture.close();
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"/v1/badge-awards, team", "/v1/badge-awards, personRef", "/v1/badge-awards, after",
        "/v1/badge-awards, limit", "/v1/flags, team", "/v1/flags, status", "/v1/flags, after", "/v1/flags, limit"})
    @Order(1)
    void a_hostile_value_is_refused_naming_the_parameter_or_matches_nothing(String path, String parameter) {
        HttpResponse<String> baseline = get(path, parameter, HostileValues.NO_MATCH);
        List<String> wrong = new ArrayList<>();
        for (String value : HostileValues.SQL_METACHARACTERS) {
            InjectionVerdict.of(parameter, value, get(path, parameter, value), baseline).ifPresent(wrong::add);
        }

        assertThat(baseline.statusCode()).as(baseline.body()).isIn(200, 400);
        assertThat(wrong).isEmpty();
    }

    @Test
    @Order(2)
    void the_award_and_the_flag_are_there_afterwards() {
        assertThat(get("/v1/badge-awards", "team", "platform").body()).contains("award-1");
        assertThat(get("/v1/flags", "team", "platform").body()).contains("flag-1");
        assertThat(fixture.database().number("SELECT count(*) FROM badge_award")).isEqualTo(1);
        assertThat(fixture.database().number("SELECT count(*) FROM anomaly_flag")).isEqualTo(1);
    }

    private HttpResponse<String> get(String path, String parameter, String value) {
        return http.get(path + "?" + parameter + "=" + HostileValues.encoded(value),
                "Bearer " + TestIssuer.token("owner", "policy-owner"));
    }
}
