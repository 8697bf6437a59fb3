package dev.aispend.ingest.directory.web;

import dev.aispend.ingest.IngestIntegration;
import dev.aispend.testsupport.hostile.HostileValues;
import dev.aispend.testsupport.hostile.InjectionVerdict;
import dev.aispend.testsupport.hostile.RawHttp;
import dev.aispend.testsupport.hostile.TraversalVerdict;
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
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The directory's reads, the ingest routes a person or alias reaches, against hostile input: traversals in the
 * person path variable (and beside the OpenAPI document) find nothing (TraversalVerdict), SQL metacharacters,
 * quotes, escapes and a NUL byte in every query parameter are refused naming it or match nothing
 * (InjectionVerdict). The person recorded first is still there afterwards.
 */
@MicronautTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DirectoryHostileInputIT extends IngestIntegration {
    private static final String AT = "at=2026-06-01T00:00:00Z";

    @Inject
    DirectoryHttp directory;
    @Inject
    EmbeddedServer server;
    private RawHttp raw;

    DirectoryHostileInputIT() {
        super("directory-hostile-it.");
    }

    @BeforeAll
    void recordAPerson() {
        raw = new RawHttp(server.getURI());
        assertThat(directory.postPerson("""
                {"person": "dana@example.com", "team": "platform", "validFrom": "2026-01-01T00:00:00Z",
                 "aliases": {"email": ["dana@example.com"]}}""").code()).isEqualTo(201);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"GET /v1/directory/people/{}", "GET /v1/directory/{}", "GET /swagger/{}",
        "GET /swagger-ui/{}"})
    @Order(1)
    void a_path_variable_holding_a_traversal_finds_nothing(String route) {
        List<String> wrong = new ArrayList<>();
        List<String> traversals = new ArrayList<>(HostileValues.PATH_TRAVERSALS);
        traversals.addAll(HostileValues.CLASSPATH_TRAVERSALS);
        for (String traversal : traversals) {
            String path = route.substring(route.indexOf(' ') + 1).replace("{}", traversal);
            TraversalVerdict.of(route + " as " + path, get(path)).ifPresent(wrong::add);
        }

        assertThat(wrong).isEmpty();
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {"/v1/directory/aliases?kind=email&value=dana%40example.com&" + AT + "|kind",
        "/v1/directory/aliases?kind=email&" + AT + "|value", "/v1/directory/aliases?kind=email&value=x|at",
        "/v1/directory/people/dana%40example.com?offset=0|limit",
        "/v1/directory/people/dana%40example.com?limit=10|offset"})
    @Order(1)
    void a_hostile_value_is_refused_naming_the_parameter_or_matches_nothing(String uri, String parameter) {
        HttpResponse<String> baseline = get(uri + "&" + parameter + "=" + HostileValues.NO_MATCH);
        List<String> wrong = new ArrayList<>();
        for (String value : HostileValues.SQL_METACHARACTERS) {
            InjectionVerdict.of(parameter, value, get(uri + "&" + parameter + "=" + HostileValues.encoded(value)),
                    baseline).ifPresent(wrong::add);
        }

        assertThat(baseline.statusCode()).as(baseline.body()).isIn(400, 404);
        assertThat(wrong).isEmpty();
    }

    @Test
    @Order(2)
    void the_person_is_there_afterwards() {
        assertThat(get("/v1/directory/aliases?kind=email&value=dana%40example.com&" + AT).body())
                .contains("platform");
        assertThat(get("/v1/directory/people/dana%40example.com").statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> get(String uri) {
        return raw.get(uri, "Bearer " + TestIssuer.allRoles());
    }
}
