package dev.aispend.system;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aispend.devstack.Wait;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** What the system tests of policy-service share: a bounded poll, and a verification run to its end. */
final class PolicyCalls {
    private PolicyCalls() {
    }

    /** Polls {@code read} until its value satisfies {@code done}, within a bound; returns that value. */
    static <T> T await(Supplier<T> read, Predicate<T> done, Duration within, String what) {
        AtomicReference<T> last = new AtomicReference<>();
        Wait.until(what, within, () -> {
            last.set(read.get());
            return done.test(last.get());
        });
        return last.get();
    }

    /** Waits until policy-service has seeded its default anomaly rules and rate cards (POLICY_SEED_* on). */
    static void awaitSeededDefaults(String policy, Duration within) {
        await(() -> JsonHttp.get(policy + "/v1/anomaly-rules").body(),
                rules -> rules.get("anomalyRules").size() == 4, within, "the default anomaly rules to be seeded");
        await(() -> JsonHttp.get(policy + "/v1/rate-cards").body(),
                cards -> cards.get("rateCards").size() >= 3, within, "the default rate cards to be seeded");
    }

    /** Starts a re-derivation of every decision and waits until it is no longer RUNNING; returns the job. */
    static JsonNode verify(String policy, Duration within) {
        JsonHttp.Response started = JsonHttp.post(policy + "/v1/decisions/verifications", "{}");
        assertThat(started.status()).isEqualTo(202);
        String statusUrl = policy + started.body().get("statusUrl").asText();
        return await(() -> JsonHttp.get(statusUrl).body(),
                job -> !"RUNNING".equals(job.get("status").asText()), within, "the verification to finish");
    }
}
