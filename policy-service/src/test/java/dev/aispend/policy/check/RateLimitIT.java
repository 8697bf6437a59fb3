package dev.aispend.policy.check;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aispend.testsupport.ledger.LedgerFollowerFixture;
import dev.aispend.testsupport.security.TestBearerFilter;
import dev.aispend.testsupport.security.TestIssuer;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

import static dev.aispend.policy.check.Budgets.hardCapped;
import static dev.aispend.policy.check.Budgets.team;
import static dev.aispend.testsupport.ledger.TestLedger.JACKSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The rate limit in front of a real service (platform security/ratelimit), with the gateway role limited to two
 * requests at once and one every 10 s: a principal's third check is answered 429 with Retry-After and a problem,
 * and is not done at all (no reservation, no stored answer, no decision); other principals keep their own buckets.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RateLimitIT implements TestPropertyProvider {
    private static final String TEAM = "limited";
    private static final long ESTIMATE_USD_MICROS = 100;

    private final LedgerFollowerFixture fixture = LedgerFollowerFixture.create("policy");
    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    TestRules rules;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(fixture.applicationProperties());
        properties.put("checks.test-rules", "true");
        properties.put("auth.rate-limits.roles.gateway.requests-per-second", "0.1");
        properties.put("auth.rate-limits.roles.gateway.burst", "2");
        return properties;
    }

    @BeforeAll
    void budget() {
        rules.add(hardCapped(TEAM, team(TEAM), 1_000_000));
    }

    @AfterAll
    void closeFixture() {
        fixture.close();
    }

    @Test
    void refuses_a_principal_s_third_check_with_429_retry_after_and_a_problem_and_does_not_do_it() throws IOException {
        String gateway = TestIssuer.token("gateway-one", "gateway");
        assertThat(check(gateway, "limit-1").code()).isEqualTo(200);
        assertThat(check(gateway, "limit-2").code()).isEqualTo(200);

        HttpClientResponseException refused = catchThrowableOfType(() -> check(gateway, "limit-3"),
                HttpClientResponseException.class);

        assertThat(refused.getStatus().getCode()).isEqualTo(429);
        // 10 s from the second check, less the moments since: rounded up to whole seconds.
        assertThat(Long.parseLong(refused.getResponse().getHeaders().get("Retry-After"))).isBetween(1L, 10L);
        assertThat(refused.getResponse().getContentType()).hasValueSatisfying(type ->
                assertThat(type.toString()).isEqualTo("application/problem+json"));
        JsonNode problem = JACKSON.readTree(refused.getResponse().getBody(String.class).orElseThrow());
        assertThat(problem.get("status").asInt()).isEqualTo(429);
        assertThat(problem.get("detail").asText()).contains("role gateway").contains("nothing was done");
        assertThat(fixture.database().number("SELECT count(*) FROM check_request WHERE check_id = 'limit-3'"))
                .isZero();
        assertThat(fixture.database().number("SELECT count(*) FROM check_request WHERE check_id LIKE 'limit-%'"))
                .isEqualTo(2);
        assertThat(fixture.database().number("SELECT count(*) FROM reservation WHERE check_id = 'limit-3'"))
                .isZero();
    }

    @Test
    void keeps_another_principal_s_bucket_apart_from_an_exhausted_one() {
        String exhausted = TestIssuer.token("gateway-exhausted", "gateway");
        check(exhausted, "apart-1");
        check(exhausted, "apart-2");
        assertThat(catchThrowableOfType(() -> check(exhausted, "apart-3"), HttpClientResponseException.class)
                .getStatus().getCode()).isEqualTo(429);

        String other = TestIssuer.token("gateway-other", "gateway");

        assertThat(check(other, "apart-4").code()).isEqualTo(200);
    }

    @Test
    void gives_a_principal_holding_a_more_generous_role_as_well_that_role_s_limit() {
        String gatewayAndIngest = TestIssuer.token("gateway-and-ingest", "gateway", "ingest-client");

        for (int index = 0; index < 5; index++) {
            assertThat(check(gatewayAndIngest, "generous-" + index).code()).isEqualTo(200);
        }
    }

    @Test
    void does_not_limit_requests_without_credentials() {
        for (int index = 0; index < 5; index++) {
            HttpResponse<String> health = http.toBlocking().exchange(HttpRequest.GET("/health")
                    .header("Authorization", TestBearerFilter.NO_CREDENTIALS), String.class);
            assertThat(health.code()).isEqualTo(200);
        }
    }

    private HttpResponse<String> check(String token, String checkId) {
        return http.toBlocking().exchange(HttpRequest.POST("/v1/checks", """
                {"checkId": "%s", "team": "%s", "estimatedCostUsdMicros": %d}""".formatted(checkId, TEAM,
                ESTIMATE_USD_MICROS)).contentType(MediaType.APPLICATION_JSON_TYPE).bearerAuth(token), String.class);
    }
}
