package dev.aispend.ledger.query;

import dev.aispend.testsupport.TestInfrastructure;
import dev.aispend.testsupport.TestPostgres;
import dev.aispend.testsupport.hostile.HostileValues;
import dev.aispend.testsupport.hostile.InjectionVerdict;
import dev.aispend.testsupport.hostile.RawHttp;
import dev.aispend.testsupport.security.TestIssuer;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every parameter of {@code GET /v1/ledger/entries} (all of LedgerQueryParser.PARAMETERS, so one added there is
 * tested here too) sent SQL metacharacters, quotes, escapes and a NUL byte (HostileValues): refused with 400
 * naming it, or answered as a value matching nothing (InjectionVerdict); never a failure. The ledger is whole
 * afterwards.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LedgerQueryInjectionIT implements TestPropertyProvider {
    @Inject
    JsonMapper json;
    @Inject
    EmbeddedServer server;
    private TestPostgres postgres;
    private String jdbcUrl;
    private RawHttp http;
    private List<Long> positionsBefore;

    @Override
    public Map<String, String> getProperties() {
        postgres = TestInfrastructure.postgres();
        jdbcUrl = postgres.createDatabase("ledger_injection");
        return Map.of(
                "datasources.default.url", jdbcUrl,
                "datasources.default.username", postgres.user(),
                "datasources.default.password", postgres.password(),
                "kafka.bootstrap.servers", TestInfrastructure.kafka().bootstrapServers(),
                "kafka.topic-prefix", "injection-it.",
                "ledger.intake.consumer-group", "injection-it");
    }

    @BeforeAll
    void insertEntries() throws Exception {
        LedgerQueryFixtures.insert(jdbcUrl, postgres.user(), postgres.password(), json);
        positionsBefore = LedgerQueryFixtures.ledgerPositions(jdbcUrl, postgres.user(), postgres.password());
        http = new RawHttp(server.getURI());
    }

    static Stream<String> parameters() {
        return LedgerQueryParser.PARAMETERS.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("parameters")
    @Order(1)
    void a_hostile_value_is_refused_naming_the_parameter_or_matches_nothing(String parameter) {
        HttpResponse<String> baseline = entries(parameter, HostileValues.NO_MATCH);
        List<String> wrong = new ArrayList<>();
        for (String value : HostileValues.SQL_METACHARACTERS) {
            InjectionVerdict.of(parameter, value, entries(parameter, value), baseline).ifPresent(wrong::add);
        }

        assertThat(baseline.statusCode()).as(baseline.body()).isIn(200, 400);
        assertThat(wrong).isEmpty();
    }

    @Test
    @Order(2)
    void the_ledger_is_whole_afterwards() throws Exception {
        assertThat(LedgerQueryFixtures.ledgerPositions(jdbcUrl, postgres.user(), postgres.password()))
                .isEqualTo(positionsBefore).isNotEmpty();
        assertThat(entries("team", "qa-platform").body()).contains("\"entries\":[{");
    }

    private HttpResponse<String> entries(String parameter, String value) {
        return http.get("/v1/ledger/entries?" + parameter + "=" + HostileValues.encoded(value),
                "Bearer " + TestIssuer.token("auditor", "finance-auditor"));
    }
}
