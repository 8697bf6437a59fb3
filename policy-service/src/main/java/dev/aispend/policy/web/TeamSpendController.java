package dev.aispend.policy.web;

import dev.aispend.platform.security.Roles;
import dev.aispend.platform.security.Caller;
import dev.aispend.platform.security.TeamScope;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import dev.aispend.platform.web.ErrorBody;
import dev.aispend.platform.web.FieldError;
import dev.aispend.policy.spend.TeamSpendQueries;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.util.List;
import java.util.regex.Pattern;

/** {@code GET /v1/teams/{team}/spend}: the team's token totals as of the ledger position they reflect. */
@Secured({Roles.TEAM_MEMBER, Roles.TEAM_LEAD, Roles.POLICY_OWNER, Roles.FINANCE_AUDITOR, Roles.COMPLIANCE_OFFICER})
@Controller("/v1/teams")
@ExecuteOn(TaskExecutors.BLOCKING)
final class TeamSpendController {
    /** The same alphabet ingest accepts for a team. */
    private static final Pattern TEAM = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private final TeamSpendQueries queries;

    TeamSpendController(TeamSpendQueries queries) {
        this.queries = queries;
    }

    @Get("/{team}/spend")
    HttpResponse<?> spend(@PathVariable String team, Authentication caller) {
        var forbidden = TeamScope.forbidden(Caller.of(caller), team, "team");
        if (forbidden.isPresent()) {
            return forbidden.get();
        }
        if (!TEAM.matcher(team).matches()) {
            return HttpResponse.badRequest(ErrorBody.of("invalid team",
                    List.of(new FieldError("team", "may contain only letters, digits and . _ - (at most 64)"))));
        }
        return HttpResponse.ok(queries.spendOf(team));
    }
}
