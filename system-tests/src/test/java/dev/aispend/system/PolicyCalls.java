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

    /** Starts a re-derivation of every decision and waits until it is no longer RUNNING; returns the job. */
    static JsonNode verify(String policy, Duration within) {
        JsonHttp.Response started = JsonHttp.post(policy + "/v1/decisions/verifications", "{}");
        assertThat(started.status()).isEqualTo(202);
        String statusUrl = policy + started.body().get("statusUrl").asText();
        return await(() -> JsonHttp.get(statusUrl).body(),
                job -> !"RUNNING".equals(job.get("status").asText()), within, "the verification to finish");
    }
}
