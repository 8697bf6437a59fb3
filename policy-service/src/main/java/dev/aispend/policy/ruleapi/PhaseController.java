package dev.aispend.policy.ruleapi;

import dev.aispend.contracts.policy.PolicyKind;
import dev.aispend.policy.changes.PolicyApi;
import dev.aispend.policy.phase.PhaseContent;
import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/**
 * {@code /v1/phases}: phase policies: the phase of one team, or of the organization (every team without its own).
 * Content rules: {@link PhaseContent#parse}; ids {@code phase-…} unless given.
 */
@Controller("/v1/phases")
@ExecuteOn(TaskExecutors.BLOCKING)
final class PhaseController extends RuleController {
    PhaseController(PolicyApi api) {
        super(api, PolicyKind.PHASE, "/v1/phases", "phase-", "phases",
                content -> PhaseContent.toContent(PhaseContent.parse(content)));
    }
}
