package dev.aispend.bench;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The check benchmark's options and the checks it sends, drawn from its seed. */
class CheckBenchOptionsTest {
    @Test
    void defaults_are_for_the_local_system() {
        CheckBenchOptions options = CheckBenchOptions.parse(new String[0]);

        assertThat(options).isEqualTo(new CheckBenchOptions(20_000, 16, 0, 2_000, "http://127.0.0.1:8083", 7, 20_000,
                60, CheckBenchOptions.Estimates.RESERVE, true));
    }

    @Test
    void options_are_bounded_and_unknown_ones_refused() {
        assertThat(CheckBenchOptions.parse(new String[] {"--checks=5", "--concurrency=1", "--warmup=0",
            "--estimates=over-cap", "--check-ids=false", "--policy=http://other:1", "--rate=200"}))
                .isEqualTo(new CheckBenchOptions(5, 1, 200, 0, "http://other:1", 7, 20_000, 60,
                        CheckBenchOptions.Estimates.OVER_CAP, false));
        assertThatThrownBy(() -> CheckBenchOptions.parse(new String[] {"--concurrency=0"}))
                .hasMessageContaining("--concurrency must be within 1..");
        assertThatThrownBy(() -> CheckBenchOptions.parse(new String[] {"--rate=-1"}))
                .hasMessageContaining("--rate must be within 0..100000");
        assertThatThrownBy(() -> CheckBenchOptions.parse(new String[] {"--reservation-ttl-seconds=3601"}))
                .hasMessageContaining("within 1..3600");
        assertThatThrownBy(() -> CheckBenchOptions.parse(new String[] {"--checks=many"}))
                .hasMessageContaining("whole number");
        assertThatThrownBy(() -> CheckBenchOptions.parse(new String[] {"--estimates=huge"}))
                .hasMessageContaining("reserve, zero or over-cap");
        assertThatThrownBy(() -> CheckBenchOptions.parse(new String[] {"--check=5"}))
                .hasMessageContaining("unknown options [check]");
    }

    @Test
    void the_same_seed_gives_the_same_checks_and_the_estimates_choose_the_path() {
        CheckBenchOptions options = CheckBenchOptions.parse(new String[] {"--checks=50", "--warmup=10"});
        List<String> bodies = CheckCallers.bodies(options, "run");

        assertThat(bodies).hasSize(60).isEqualTo(CheckCallers.bodies(options, "run"))
                .isNotEqualTo(CheckCallers.bodies(CheckBenchOptions.parse(new String[] {"--checks=50",
                    "--warmup=10", "--seed=8"}), "run"));
        assertThat(bodies.get(0)).startsWith("{\"checkId\": \"run-0\", \"team\": \"bench-team-")
                .contains("\"reservationTtlSeconds\": 60}").doesNotContain("\"estimatedCostUsdMicros\": 0,");
        assertThat(CheckCallers.bodies(CheckBenchOptions.parse(new String[] {"--estimates=zero", "--checks=5",
            "--check-ids=false"}), "run")).allSatisfy(body -> assertThat(body).startsWith("{\"team\"")
                .contains("\"estimatedCostUsdMicros\": 0,"));
        assertThat(CheckCallers.bodies(CheckBenchOptions.parse(new String[] {"--estimates=over-cap",
            "--checks=5"}), "run")).allSatisfy(body -> assertThat(body).contains("\"team\": \"bench-capped\"")
                .doesNotContain("\"estimatedCostUsdMicros\": 1,"));
    }
}
