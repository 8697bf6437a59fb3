package dev.aispend.platform.security;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpRequest;
import io.micronaut.inject.ExecutableMethod;
import io.micronaut.management.endpoint.EndpointSensitivityProcessor;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRuleResult;
import io.micronaut.security.rules.SensitiveEndpointRule;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

/**
 * The management endpoints marked sensitive ({@code /routes}; {@code /prometheus} with
 * {@code METRICS_REQUIRE_AUTH=true}) admit any caller who authenticated with at least one of our roles. They list
 * what the service serves and how it performs, nothing about people or money, so no role narrower than that is
 * needed; Micronaut refuses them all until told what to admit.
 */
@Singleton
@Replaces(SensitiveEndpointRule.class)
final class AuthenticatedEndpointRule extends SensitiveEndpointRule {

    AuthenticatedEndpointRule(EndpointSensitivityProcessor endpointSensitivityProcessor) {
        super(endpointSensitivityProcessor);
    }

    @Override
    protected Publisher<SecurityRuleResult> checkSensitiveAuthenticated(HttpRequest<?> request,
                                                                        Authentication authentication,
                                                                        ExecutableMethod<?, ?> method) {
        boolean known = authentication.getRoles().stream().anyMatch(Roles::isKnown);
        return Publishers.just(known ? SecurityRuleResult.ALLOWED : SecurityRuleResult.REJECTED);
    }
}
