package dev.aispend.policy.ruleapi;

import dev.aispend.contracts.policy.PolicyKind;
import dev.aispend.policy.changes.PolicyApi;
import dev.aispend.policy.antigaming.AnomalyContent;
import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/**
 * {@code /v1/anomaly-rules}: anomaly rules: what the anti-gaming flags look for, per person and window. Content
 * rules: {@link AnomalyContent#parse}; ids {@code anomaly-…} unless given.
 */
@Controller("/v1/anomaly-rules")
@ExecuteOn(TaskExecutors.BLOCKING)
final class AnomalyRuleController extends RuleController {
    AnomalyRuleController(PolicyApi api) {
        super(api, PolicyKind.ANOMALY_RULE, "/v1/anomaly-rules", "anomaly-", "anomalyRules",
                content -> AnomalyContent.toContent(AnomalyContent.parse(content)));
    }
}
