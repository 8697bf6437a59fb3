package dev.aispend.policy.gamification;

import dev.aispend.platform.security.Roles;
import io.micronaut.security.authentication.Authentication;
import dev.aispend.platform.security.Caller;
import dev.aispend.platform.security.TeamScope;
import io.micronaut.security.annotation.Secured;
import dev.aispend.platform.web.ErrorBody;
import dev.aispend.platform.web.FieldError;
import dev.aispend.policy.changes.PolicyApi;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the gamification decisions in the ledger say: each team's phase, badges awarded, anomaly flags and the
 * spend under review, and the clearing of a flag by a reviewer. Lists come in ledger order, paged by position
 * ({@code after}, {@code limit} up to {@value #MAX_PAGE}); nothing is sorted or ranked by tokens or spend.
 */
@Secured({Roles.TEAM_MEMBER, Roles.TEAM_LEAD, Roles.POLICY_OWNER, Roles.FINANCE_AUDITOR, Roles.COMPLIANCE_OFFICER})
@Controller("/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
final class GamificationController {
    static final int MAX_PAGE = 1000;
    static final int MAX_REASON_LENGTH = 2000;
    private static final Set<String> STATUSES = Set.of("OPEN", "CLEARED", "ALL");

    private final GamificationQueries queries;
    private final FlagClearances clearances;

    GamificationController(GamificationQueries queries, FlagClearances clearances) {
        this.queries = queries;
        this.clearances = clearances;
    }

    @Get("/team-phases")
    HttpResponse<?> phases() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("phases", queries.phases());
        body.put("note", "a team not listed follows the organization's phase (team 'org'), EXPLORATION without one");
        return HttpResponse.ok(body);
    }

    @Get("/badge-awards")
    HttpResponse<?> awards(@Nullable @QueryValue String team, @Nullable @QueryValue String personRef,
                           @Nullable @QueryValue Long after, @Nullable @QueryValue Integer limit,
                           Authentication authentication) {
        Caller caller = Caller.of(authentication);
        if (caller.teamScoped() && !caller.has(Roles.TEAM_LEAD)) {
            // A team member sees their own badges only.
            if (caller.person() == null || !caller.person().equals(personRef)) {
                return HttpResponse.status(HttpStatus.FORBIDDEN).body(ErrorBody.of("only your own badges",
                        List.of(new FieldError("personRef", "must be your own person ref"
                                + (caller.person() == null ? " (your token names none)" : "")))));
            }
        } else {
            Optional<HttpResponse<ErrorBody>> forbidden = TeamScope.forbidden(caller, team, "team");
            if (forbidden.isPresent()) {
                return forbidden.get();
            }
        }
        List<FieldError> problems = page(after, limit);
        if (!problems.isEmpty()) {
            return HttpResponse.badRequest(ErrorBody.of("invalid page", problems));
        }
        return HttpResponse.ok(Map.of("awards", queries.awards(team, personRef, after == null ? 0 : after,
                limit == null ? 100 : limit)));
    }

    @Secured({Roles.TEAM_LEAD, Roles.POLICY_OWNER, Roles.FINANCE_AUDITOR, Roles.COMPLIANCE_OFFICER})
    @Get("/flags")
    HttpResponse<?> flags(@Nullable @QueryValue String team, @Nullable @QueryValue String status,
                          @Nullable @QueryValue Long after, @Nullable @QueryValue Integer limit,
                          Authentication caller) {
        Optional<HttpResponse<ErrorBody>> forbidden = TeamScope.forbidden(Caller.of(caller), team, "team");
        if (forbidden.isPresent()) {
            return forbidden.get();
        }
        List<FieldError> problems = new java.util.ArrayList<>(page(after, limit));
        String wanted = status == null ? "OPEN" : status;
        if (!STATUSES.contains(wanted)) {
            problems.add(new FieldError("status", "must be OPEN, CLEARED or ALL"));
        }
        if (!problems.isEmpty()) {
            return HttpResponse.badRequest(ErrorBody.of("invalid query", problems));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("underReviewUsdMicros", queries.underReviewUsdMicros(team));
        body.put("flags", queries.flags(team, wanted, after == null ? 0 : after, limit == null ? 100 : limit));
        return HttpResponse.ok(body);
    }

    @Secured({Roles.POLICY_OWNER, Roles.FINANCE_AUDITOR, Roles.COMPLIANCE_OFFICER})
    @Get("/flags/{decisionId}")
    HttpResponse<?> flag(@PathVariable String decisionId) {
        Map<String, Object> flag = queries.flag(decisionId);
        return flag == null ? notFound(decisionId) : HttpResponse.ok(flag);
    }

    /**
     * 202: the clearing is on its way to the ledger; the flag shows it once recorded. The same clearing asked
     * again answers 202 again (the same decision is sent); another one, before or after, 409.
     */
    @Secured(Roles.POLICY_OWNER)
    @Post("/flags/{decisionId}/clearance")
    HttpResponse<?> clear(@PathVariable String decisionId, @Nullable @Body Map<String, Object> body,
                          Authentication caller) {
        String actor = PolicyApi.actor(caller.getName());
        Object reason = body == null ? null : body.get("reason");
        if (!(reason instanceof String text) || text.isBlank() || text.length() > MAX_REASON_LENGTH) {
            return HttpResponse.badRequest(ErrorBody.of("a clearing needs a reason", List.of(new FieldError("reason",
                    "a text of 1.." + MAX_REASON_LENGTH + " characters saying why the flag is cleared"))));
        }
        Map<String, Object> flag = queries.flag(decisionId);
        if (flag == null) {
            return notFound(decisionId);
        }
        if (flag.get("clearedDecisionId") != null) {
            return HttpResponse.status(HttpStatus.CONFLICT).body(ErrorBody.of("flag " + decisionId
                    + " was cleared by " + flag.get("clearedBy"), List.of()));
        }
        Optional<FlagClearances.Clearing> clearing = clearances.clear(flag, actor, text.strip());
        if (clearing.isEmpty()) {
            return HttpResponse.status(HttpStatus.CONFLICT).body(ErrorBody.of("flag " + decisionId
                    + " is being cleared by another request; nothing was sent", List.of()));
        }
        return HttpResponse.accepted().header(HttpHeaders.LOCATION, "/v1/flags/" + decisionId)
                .body(Map.of("flagDecisionId", decisionId, "clearingDecisionId", clearing.get().decisionId(),
                        "actor", actor));
    }

    private static HttpResponse<?> notFound(String decisionId) {
        return HttpResponse.status(HttpStatus.NOT_FOUND).body(ErrorBody.of("no flag " + decisionId, List.of()));
    }

    private static List<FieldError> page(@Nullable Long after, @Nullable Integer limit) {
        List<FieldError> problems = new java.util.ArrayList<>();
        if (after != null && after < 0) {
            problems.add(new FieldError("after", "a ledger position, 0 or more"));
        }
        if (limit != null && (limit < 1 || limit > MAX_PAGE)) {
            problems.add(new FieldError("limit", "must be within 1.." + MAX_PAGE));
        }
        return problems;
    }
}
