package dev.aispend.deploy;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * deploy/compose/compose.yaml as Docker Compose reads it ({@code docker-compose config}: parsed, merged, validated
 * against Compose's schema, no engine needed), checked against what the services need.
 */
class ComposeFileTest {
    private static final List<String> INFRASTRUCTURE = List.of("postgres", "kafka");
    private static Tree compose;

    @BeforeAll
    static void readComposeFileAsDockerComposeDoes() {
        String normalized = Command.succeeding(Deployment.repositoryRoot(),
                List.of("docker-compose", "-f", "deploy/compose/compose.yaml", "config"));
        compose = Tree.document(normalized);
    }

    @Test
    void passes_dclint_with_the_project_rules() {
        Path dclint = Deployment.checksDirectory().resolve("node_modules/.bin/dclint");
        String output = Command.succeeding(Deployment.deployDirectory(),
                List.of(dclint.toString(), "-c", "compose/.dclintrc", "compose/compose.yaml"));

        assertThat(output).doesNotContain("error");
    }

    @Test
    void runs_postgres_kafka_and_the_four_services_each_with_a_healthcheck() {
        assertThat(compose.get("services").keys())
                .containsExactlyInAnyOrderElementsOf(concat(INFRASTRUCTURE, ServiceSettings.SERVICES));
        for (String service : compose.get("services").keys()) {
            assertThat(compose.path("services", service, "healthcheck", "test").list()).as(service).isNotEmpty();
        }
    }

    @Test
    void starts_each_service_once_postgres_and_kafka_are_healthy() {
        for (String service : ServiceSettings.SERVICES) {
            for (String dependency : INFRASTRUCTURE) {
                assertThat(compose.path("services", service, "depends_on", dependency, "condition").text())
                        .as(service + " waits for " + dependency).isEqualTo("service_healthy");
            }
        }
    }

    @Test
    void gives_each_service_every_setting_its_application_yml_requires() {
        for (String service : ServiceSettings.SERVICES) {
            Set<String> provided = new HashSet<>(compose.path("services", service, "environment").keys());

            assertThat(ServiceSettings.unmet(service, provided)).as(service + " is not given").isEmpty();
        }
    }

    @Test
    void mounts_every_file_a_service_is_told_to_read_as_one_of_its_secrets() {
        for (String service : compose.get("services").keys()) {
            Tree environment = compose.path("services", service, "environment");
            List<String> secrets = compose.path("services", service, "secrets").list().stream()
                    .map(secret -> secret.get("source").isMissing() ? secret.text() : secret.get("source").text())
                    .toList();
            for (String name : environment.keys()) {
                String value = environment.get(name).text();
                if (value != null && value.startsWith("/run/secrets/")) {
                    String secret = value.substring("/run/secrets/".length()).split("/")[0];
                    assertThat(secrets).as(service + " " + name).contains(secret);
                }
            }
        }
    }

    @Test
    void takes_every_secret_from_a_file_dev_secrets_makes(@TempDir Path secrets) {
        DevelopmentSecrets.generate(secrets);

        for (String secret : compose.get("secrets").keys()) {
            Path file = Path.of(compose.path("secrets", secret, "file").text());
            assertThat(file.getParent()).as(secret).isEqualTo(Deployment.deployDirectory().resolve("compose/secrets"));
            assertThat(Files.isRegularFile(secrets.resolve(file.getFileName()))).as(secret + ": " + file).isTrue();
        }
    }

    @Test
    void runs_the_images_of_this_version() {
        for (String service : ServiceSettings.SERVICES) {
            assertThat(compose.path("services", service, "image").text())
                    .isEqualTo("aispend/" + service + ":" + Deployment.projectVersion());
        }
    }

    @Test
    void publishes_ports_on_the_loopback_interface_only() {
        for (String service : compose.get("services").keys()) {
            for (Tree port : compose.path("services", service, "ports").list()) {
                String hostAddress = port.get("host_ip").isMissing() ? port.text() : port.get("host_ip").text();
                assertThat(hostAddress).as(service + " publishes " + port.value()).startsWith("127.0.0.1");
            }
        }
    }

    private static List<String> concat(List<String> first, List<String> second) {
        return java.util.stream.Stream.concat(first.stream(), second.stream()).toList();
    }
}
