package dev.aispend.ledger.hostile;

import dev.aispend.testsupport.TestInfrastructure;
import dev.aispend.testsupport.TestPostgres;
import dev.aispend.testsupport.hostile.HostileValues;
import dev.aispend.testsupport.hostile.RawHttp;
import dev.aispend.testsupport.hostile.TraversalVerdict;
import dev.aispend.testsupport.security.TestIssuer;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every route of ledger-service with a path variable, and the paths beside its OpenAPI document, sent traversals
 * instead of the variable: 400 or 404 problem details, never a file, never a failure (TraversalVerdict). A route
 * added later goes in the list.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LedgerPathTraversalIT implements TestPropertyProvider {
    @Inject
    EmbeddedServer server;
    private RawHttp http;

    @Override
    public Map<String, String> getProperties() {
        TestPostgres postgres = TestInfrastructure.postgres();
        return Map.of(
                "datasources.default.url", postgres.createDatabase("ledger_traversal"),
                "datasources.default.username", postgres.user(),
                "datasources.default.password", postgres.password(),
                "kafka.bootstrap.servers", TestInfrastructure.kafka().bootstrapServers(),
                "kafka.topic-prefix", "traversal-it.",
                "ledger.intake.consumer-group", "traversal-it");
    }

    @BeforeAll
    void connect() {
        http = new RawHttp(server.getURI());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"GET /v1/ledger/replays/{}", "DELETE /v1/ledger/replays/{}",
        "POST /v1/ledger/replays/{}/cancel", "GET /v1/ledger/checkpoints/{}", "GET /v1/ledger/entries/{}/proof",
        "GET /v1/ledger/verifications/{}", "POST /v1/projections/{}/rebuild", "GET /v1/ledger/{}",
        "GET /swagger/{}", "GET /swagger-ui/{}"})
    void a_path_variable_holding_a_traversal_finds_nothing(String route) {
        List<String> wrong = new ArrayList<>();
        List<String> traversals = new ArrayList<>(HostileValues.PATH_TRAVERSALS);
        traversals.addAll(HostileValues.CLASSPATH_TRAVERSALS);
        for (String traversal : traversals) {
            String method = route.substring(0, route.indexOf(' '));
            String path = route.substring(route.indexOf(' ') + 1).replace("{}", traversal);
            TraversalVerdict.of(route + " as " + path, http.send(method, path, "Bearer " + TestIssuer.allRoles(),
                    null)).ifPresent(wrong::add);
        }

        assertThat(wrong).isEmpty();
    }
}
