package dev.aispend.report.hostile;

import dev.aispend.report.support.ReportSystemTest;
import dev.aispend.testsupport.hostile.HostileValues;
import dev.aispend.testsupport.hostile.RawHttp;
import dev.aispend.testsupport.hostile.TraversalVerdict;
import dev.aispend.testsupport.security.TestIssuer;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every route of report-service with a path variable, and the static resources (the OpenAPI document and Swagger
 * UI, served without credentials), sent traversals instead of the variable: 400 or 404 problem details, never a
 * file, never a failure (TraversalVerdict). Nothing is rebuilt by them. A route added later goes in the list.
 */
@MicronautTest(transactional = false)
class ReportPathTraversalIT extends ReportSystemTest {
    @Inject
    EmbeddedServer server;
    private RawHttp http;

    @BeforeAll
    void connect() {
        http = new RawHttp(server.getURI());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"GET /v1/reports/rebuilds/{}", "DELETE /v1/reports/rebuilds/{}",
        "POST /v1/projections/{}/rebuild", "GET /v1/reports/{}", "GET /v1/reports/audit/{}"})
    void a_path_variable_holding_a_traversal_finds_nothing(String route) {
        List<String> wrong = new ArrayList<>();
        for (String traversal : HostileValues.PATH_TRAVERSALS) {
            wrong.addAll(answerTo(route, traversal));
        }

        assertThat(wrong).isEmpty();
        assertThat(system.database().number("SELECT count(*) FROM report_generation")).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"GET /swagger/{}", "GET /swagger-ui/{}", "GET /swagger/views/{}"})
    void a_static_resource_path_never_reaches_a_file_beside_it(String route) {
        List<String> wrong = new ArrayList<>();
        for (String traversal : HostileValues.CLASSPATH_TRAVERSALS) {
            wrong.addAll(answerTo(route, traversal));
        }
        for (String traversal : HostileValues.PATH_TRAVERSALS) {
            wrong.addAll(answerTo(route, traversal));
        }

        assertThat(wrong).isEmpty();
    }

    @Test
    void the_static_resources_themselves_are_served() {
        // So the refusals above are about the traversals, not about a resource that is never served.
        assertThat(http.get("/swagger/report-service-1.yml", null).statusCode()).isEqualTo(200);
    }

    private List<String> answerTo(String route, String traversal) {
        String method = route.substring(0, route.indexOf(' '));
        String path = route.substring(route.indexOf(' ') + 1).replace("{}", traversal);
        return TraversalVerdict.of(route + " as " + path, http.send(method, path,
                "Bearer " + TestIssuer.allRoles(), null)).stream().toList();
    }
}
