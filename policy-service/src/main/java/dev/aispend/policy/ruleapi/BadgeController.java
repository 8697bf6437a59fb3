package dev.aispend.policy.ruleapi;

import dev.aispend.contracts.policy.PolicyKind;
import dev.aispend.policy.changes.PolicyApi;
import dev.aispend.policy.badge.BadgeContent;
import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/**
 * {@code /v1/badges}: badge rules: what a badge measures, per person and window, and its tiers. Content rules:
 * {@link BadgeContent#parse}; ids {@code badge-…} unless given.
 */
@Controller("/v1/badges")
@ExecuteOn(TaskExecutors.BLOCKING)
final class BadgeController extends RuleController {
    BadgeController(PolicyApi api) {
        super(api, PolicyKind.BADGE_RULE, "/v1/badges", "badge-", "badges",
                content -> BadgeContent.toContent(BadgeContent.parse(content)));
    }
}
