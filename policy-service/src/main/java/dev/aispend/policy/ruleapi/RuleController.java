package dev.aispend.policy.ruleapi;

import dev.aispend.contracts.policy.PolicyKind;
import dev.aispend.policy.activity.InvalidRuleException;
import dev.aispend.policy.changes.InvalidPolicyException;
import dev.aispend.policy.changes.PolicyApi;
import dev.aispend.policy.changes.PolicyController;

import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The endpoints of one kind of gamification rule (phases, badge rules, anomaly rules), those of every policy that
 * governs from its ledger position ({@link PolicyController}), with the rules' content errors as the API's. A rule
 * governs from its ledger position (docs/gamification.md).
 */
public abstract class RuleController extends PolicyController {
    /**
     * @param canonicalContent parses the content (throwing {@link InvalidRuleException}) and writes it back
     *                         canonically, defaults filled
     */
    protected RuleController(PolicyApi api, PolicyKind kind, String path, String idPrefix, String listName,
                             UnaryOperator<Map<String, Object>> canonicalContent) {
        super(api, kind, path, idPrefix, listName, fields -> {
            try {
                return canonicalContent.apply(fields);
            } catch (InvalidRuleException invalid) {
                throw new InvalidPolicyException("invalid " + kind.name().toLowerCase().replace('_', ' '),
                        invalid.errors());
            }
        });
    }
}
