package dev.aispend.platform.security.ratelimit;

import dev.aispend.platform.web.ErrorBody;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.security.authentication.Authentication;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimitFilterTest {
    private static final RateLimit TINY = new RateLimit("gateway", 0.1, 2);
    private static final RateLimit DEFAULT = new RateLimit("default", 20, 100);

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final ManualClock clock = new ManualClock();

    @Test
    void answers_429_with_retry_after_and_a_problem_once_the_principal_s_bucket_is_empty() {
        RateLimitFilter filter = filter(true);

        assertThat(filter.limit(request("alice", "gateway"))).isNull();
        assertThat(filter.limit(request("alice", "gateway"))).isNull();
        HttpResponse<ErrorBody> refused = filter.limit(request("alice", "gateway"));

        assertThat(refused).isNotNull();
        assertThat(refused.code()).isEqualTo(429);
        assertThat(refused.getHeaders().get("Retry-After")).isEqualTo("10");
        assertThat(refused.body().message()).contains("role gateway: 0.1 requests per second, burst 2")
                .contains("nothing was done").contains("retry after 10 s");
        assertThat(meters.counter(RateLimitFilter.METRIC, "limit", "gateway").count()).isEqualTo(1);
    }

    @Test
    void lets_requests_without_credentials_through() {
        RateLimitFilter filter = filter(true);

        for (int request = 0; request < 5; request++) {
            assertThat(filter.limit(HttpRequest.POST("/v1/webhooks/github", "{}"))).isNull();
        }
    }

    @Test
    void lets_every_request_through_when_disabled() {
        RateLimitFilter filter = filter(false);

        for (int request = 0; request < 5; request++) {
            assertThat(filter.limit(request("alice", "gateway"))).isNull();
        }
    }

    private RateLimitFilter filter(boolean enabled) {
        return new RateLimitFilter(new RateLimitSettings(enabled, 100, DEFAULT, Map.of("gateway", TINY)), meters,
                clock);
    }

    private static HttpRequest<?> request(String principal, String... roles) {
        MutableHttpRequest<Object> request = HttpRequest.POST("/v1/checks", "{}");
        request.setUserPrincipal(Authentication.build(principal, List.of(roles)));
        return request;
    }
}
