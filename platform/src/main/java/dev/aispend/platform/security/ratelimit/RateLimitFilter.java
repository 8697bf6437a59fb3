package dev.aispend.platform.security.ratelimit;

import dev.aispend.platform.web.ErrorBody;
import io.github.bucket4j.TimeMeter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Inject;

import java.util.List;

/**
 * Takes one request from the caller's bucket before the request reaches its controller, and answers 429 with
 * {@code Retry-After} when the bucket is empty: nothing of the request is done (nothing stored, nothing published).
 * Runs after authentication, so the bucket is the principal's (a token's subject, or {@code api-key:<id>}), and a
 * request authentication or authorization refused (401, 403) costs the principal nothing.
 *
 * <p>Requests without credentials are not limited here: the routes that admit them are health, metrics, the
 * ledger's public key and the GitHub webhook (authenticated by its own signature), and one shared bucket for all of
 * them would let any noisy anonymous client starve GitHub's deliveries and the health probes. Limiting anonymous
 * traffic by address belongs in front of the service (docs/security.md).
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class RateLimitFilter implements Ordered {
    static final String METRIC = "aispend.http.rate.limited";

    private final RateLimitSettings settings;
    private final PrincipalBuckets buckets;
    @Nullable
    private final MeterRegistry meters;

    @Inject
    RateLimitFilter(RateLimitSettings settings, @Nullable MeterRegistry meters) {
        this(settings, meters, TimeMeter.SYSTEM_MILLISECONDS);
    }

    RateLimitFilter(RateLimitSettings settings, @Nullable MeterRegistry meters, TimeMeter clock) {
        this.settings = settings;
        this.buckets = new PrincipalBuckets(settings.maxPrincipals(), clock);
        this.meters = meters;
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after();
    }

    /** Null lets the request through; a response ends it there. */
    @RequestFilter
    @Nullable
    HttpResponse<ErrorBody> limit(HttpRequest<?> request) {
        if (!settings.enabled()) {
            return null;
        }
        Authentication authentication = request.getUserPrincipal(Authentication.class).orElse(null);
        if (authentication == null) {
            return null;
        }
        RateLimit limit = settings.limitFor(authentication.getRoles());
        long nanosToWait = buckets.take(authentication.getName(), limit);
        return nanosToWait == 0 ? null : tooManyRequests(limit, RetryAfter.seconds(nanosToWait));
    }

    private HttpResponse<ErrorBody> tooManyRequests(RateLimit limit, long retryAfterSeconds) {
        if (meters != null) {
            meters.counter(METRIC, "limit", limit.name()).increment();
        }
        return HttpResponse.<ErrorBody>status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds))
                .body(ErrorBody.of("too many requests from this caller (" + limit.describe() + "); nothing was "
                        + "done: retry after " + retryAfterSeconds + " s", List.of()));
    }
}
