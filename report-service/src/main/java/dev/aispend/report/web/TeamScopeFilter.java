package dev.aispend.report.web;

import dev.aispend.platform.security.Caller;
import dev.aispend.platform.security.TeamScope;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.security.authentication.Authentication;

import java.util.List;

/**
 * Every report asked for by a team-scoped caller (team member, team lead) must be filtered to the caller's own
 * teams with {@code team=}: refused with 403 otherwise, before any report reads anything. Which reports a role
 * may ask for at all is each controller's {@code @Secured}; this filter only narrows the team-scoped ones.
 */
@ServerFilter("/v1/reports/**")
final class TeamScopeFilter implements Ordered {

    @RequestFilter
    @Nullable
    HttpResponse<?> requireOwnTeam(HttpRequest<?> request) {
        Authentication authentication = request.getUserPrincipal(Authentication.class).orElse(null);
        if (authentication == null) {
            return null;
        }
        List<String> teams = request.getParameters().getAll("team");
        return TeamScope.forbidden(Caller.of(authentication), teams, "team").orElse(null);
    }

    @Override
    public int getOrder() {
        // After the security filter has authenticated the caller and checked the route's roles.
        return ServerFilterPhase.SECURITY.after();
    }
}
