package dev.aispend.policy.hostile;

import dev.aispend.testsupport.hostile.HostileValues;
import dev.aispend.testsupport.hostile.RawHttp;
import dev.aispend.testsupport.hostile.TraversalVerdict;
import dev.aispend.testsupport.ledger.LedgerFollowerFixture;
import dev.aispend.testsupport.security.TestIssuer;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every route of policy-service with a path variable, and the paths beside its OpenAPI document, sent traversals
 * instead of the variable: 400 or 404 problem details, never a file, never a failure (TraversalVerdict). A change
 * (PUT, POST) carries a body and If-Match as a client would, so only the path is hostile; nothing is sent to the
 * ledger. A route added later goes in the list.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PolicyPathTraversalIT implements TestPropertyProvider {
    private static final Map<String, String> IF_MATCH = Map.of("If-Match", "\"1\"");

    @Inject
    EmbeddedServer server;
    private final LedgerFollowerFixture fixture = LedgerFollowerFixture.create("policy");
    private RawHttp http;

    @Override
    public Map<String, String> getProperties() {
        return fixture.applicationProperties();
    }

    @BeforeAll
    void connect() {
        http = new RawHttp(server.getURI());
    }

    @AfterAll
    void closeFixture() {
        fixture.close();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"GET /v1/budgets/{}", "GET /v1/budgets/{}/versions", "PUT /v1/budgets/{}",
        "GET /v1/phases/{}", "GET /v1/phases/{}/versions", "PUT /v1/phases/{}",
        "GET /v1/badges/{}", "GET /v1/badges/{}/versions", "PUT /v1/badges/{}",
        "GET /v1/anomaly-rules/{}", "GET /v1/anomaly-rules/{}/versions", "PUT /v1/anomaly-rules/{}",
        "GET /v1/rate-cards/{}", "GET /v1/rate-cards/{}/versions", "PUT /v1/rate-cards/{}",
        "POST /v1/rate-cards/{}/repricings", "GET /v1/flags/{}", "POST /v1/flags/{}/clearance",
        "GET /v1/teams/{}/spend", "GET /v1/policy-changes/{}", "GET /v1/decisions/verifications/{}",
        "GET /v1/checks/reservations/{}", "DELETE /v1/checks/reservations/{}", "POST /v1/projections/{}/rebuild",
        "GET /v1/{}", "GET /swagger/{}", "GET /swagger-ui/{}"})
    void a_path_variable_holding_a_traversal_finds_nothing(String route) {
        List<String> wrong = new ArrayList<>();
        List<String> traversals = new ArrayList<>(HostileValues.PATH_TRAVERSALS);
        traversals.addAll(HostileValues.CLASSPATH_TRAVERSALS);
        for (String traversal : traversals) {
            String method = route.substring(0, route.indexOf(' '));
            String path = route.substring(route.indexOf(' ') + 1).replace("{}", traversal);
            String body = method.equals("GET") || method.equals("DELETE") ? null : "{\"reason\": \"hostile\"}";
            TraversalVerdict.of(route + " as " + path, http.send(method, path, "Bearer " + TestIssuer.allRoles(),
                    IF_MATCH, body)).ifPresent(wrong::add);
        }

        assertThat(wrong).isEmpty();
    }
}
