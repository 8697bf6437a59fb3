package dev.aispend.system;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * deploy/prometheus as Prometheus reads it, checked by its own promtool (ensure-promtool.sh fetches it before the
 * integration tests): the scrape configuration and the alert rules are valid, and every alert fires, and stays
 * quiet, as alerts-test.yml says on made-up series. Which metric names the rules may use is ApiKeysIT's part: it
 * scrapes the running services.
 */
class PrometheusRulesIT {
    private static final Path PROMETHEUS = Path.of(System.getProperty("repository.root", ".."))
            .toAbsolutePath().normalize().resolve("deploy/prometheus");
    private static final List<String> FILES = List.of("prometheus.yml", "alerts.yml", "alerts-test.yml");

    @TempDir
    Path directory;

    @Test
    void the_scrape_configuration_and_its_alert_rules_are_valid() throws Exception {
        copyWithToken();

        Result checked = promtool("check", "config", "prometheus.yml");

        assertThat(checked.exitCode()).as(checked.output()).isZero();
        assertThat(checked.output()).contains("SUCCESS: 6 rules found");
    }

    @Test
    void every_alert_fires_and_stays_quiet_as_its_tests_say() throws Exception {
        copyWithToken();

        Result tested = promtool("test", "rules", "alerts-test.yml");

        assertThat(tested.exitCode()).as(tested.output()).isZero();
        assertThat(tested.output()).contains("SUCCESS");
    }

    @Test
    void an_alert_that_does_not_fire_as_tested_fails_the_check() throws Exception {
        copyWithToken();
        Path rules = directory.resolve("alerts.yml");
        Files.writeString(rules, Files.readString(rules).replace("> 50000", "> 70000"));

        Result tested = promtool("test", "rules", "alerts-test.yml");

        assertThat(tested.exitCode()).as(tested.output()).isNotZero();
        assertThat(tested.output()).contains("AispendLedgerSealLag");
    }

    /** The files beside each other, and the token file the scrape configuration names (promtool checks it exists). */
    private void copyWithToken() throws IOException {
        for (String file : FILES) {
            Files.copy(PROMETHEUS.resolve(file), directory.resolve(file));
        }
        Files.createDirectories(directory.resolve("secrets"));
        Files.writeString(directory.resolve("secrets/aispend-metrics-token"), "not-a-real-token");
    }

    private record Result(int exitCode, String output) {
    }

    private Result promtool(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(System.getProperty("promtool.path", "promtool"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                .start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("promtool " + String.join(" ", arguments) + " ran past 60 s");
        }
        return new Result(process.exitValue(),
                new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }
}
