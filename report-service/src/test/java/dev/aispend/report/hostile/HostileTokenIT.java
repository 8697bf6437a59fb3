package dev.aispend.report.hostile;

import dev.aispend.report.support.ReportSystemTest;
import dev.aispend.testsupport.hostile.Problem;
import dev.aispend.testsupport.hostile.RawHttp;
import dev.aispend.testsupport.security.HostileTokens;
import dev.aispend.testsupport.security.HostileTokens.Hostile;
import dev.aispend.testsupport.security.TestIssuer;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.http.HttpResponse;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * report-service, running, against credentials an attacker sends: malformed, expired or not yet valid tokens,
 * tokens signed by another key or by none, for another issuer or audience, and valid tokens without a role. Each
 * is refused with problem details (401, or 403 when the caller is known but holds no role), a read answers no
 * figures and a rebuild is not started. The tokens are HostileTokens; the header is sent as written (RawHttp).
 */
@MicronautTest(transactional = false)
class HostileTokenIT extends ReportSystemTest {
    private static final String SPEND = "/v1/reports/spend?from=2026-09-01&to=2026-09-01";
    private static final String REBUILDS = "/v1/reports/rebuilds";

    @Inject
    EmbeddedServer server;
    private RawHttp http;

    @BeforeAll
    void connect() {
        http = new RawHttp(server.getURI());
    }

    static Stream<Hostile> unauthenticated() {
        return HostileTokens.unauthenticated("finance-auditor", "compliance-officer").stream();
    }

    static Stream<Hostile> withoutRoles() {
        return HostileTokens.withoutRoles().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"unauthenticated", "withoutRoles"})
    void a_report_is_refused_with_problem_details(Hostile token) {
        HttpResponse<String> answer = http.get(SPEND, token.authorization());

        assertRefused(answer, token.status());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"unauthenticated", "withoutRoles"})
    void a_rebuild_is_refused_and_nothing_is_started(Hostile token) {
        long generations = generations();

        HttpResponse<String> answer = http.send("POST", REBUILDS, token.authorization(), null);

        assertRefused(answer, token.status());
        assertThat(generations()).isEqualTo(generations);
    }

    @Test
    void an_oversized_token_is_refused_without_failing_and_the_service_goes_on_answering() {
        HttpResponse<String> answer = http.get(SPEND, HostileTokens.oversized(100_000));

        assertThat(answer.statusCode()).isIn(400, 401, 413, 431);
        assertThat(http.get(SPEND, "Bearer " + TestIssuer.token("auditor", "finance-auditor")).statusCode())
                .isEqualTo(200);
    }

    @Test
    void the_same_request_with_a_valid_token_is_answered() {
        // The refusals above are about the tokens: the requests themselves are fine.
        assertThat(http.get(SPEND, "Bearer " + TestIssuer.token("auditor", "finance-auditor")).statusCode())
                .isEqualTo(200);
    }

    private static void assertRefused(HttpResponse<String> answer, int status) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        assertThat(Problem.of(answer)).as(answer.headers().map() + " " + answer.body())
                .hasValueSatisfying(problem -> assertThat(problem.status()).isEqualTo(status));
        assertThat(answer.body()).doesNotContain("rows", "generation");
    }

    private long generations() {
        return system.database().number("SELECT count(*) FROM report_generation");
    }
}
