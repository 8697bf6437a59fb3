package dev.aispend.report.gamification;

import dev.aispend.contracts.ledger.IdentityLinked;
import dev.aispend.contracts.ledger.OutcomeRecorded;
import dev.aispend.contracts.ledger.PolicyDecisionRecorded;
import dev.aispend.contracts.ledger.Spend;
import dev.aispend.contracts.ledger.SpendRecorded;
import dev.aispend.contracts.policy.PolicyDecision;
import dev.aispend.contracts.usage.TokenCounts;
import dev.aispend.contracts.usage.UsageAccounting;
import dev.aispend.testsupport.ledger.SpendMother;
import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Payloads for the gamification and anomaly report tests, shaped as policy-service records its decisions
 * (decision/GamificationDecisions, gamification/FlagClearances): only what the reports read is a parameter.
 */
public final class GamificationLedger {
    private static final String SHA = "a".repeat(64);

    private GamificationLedger() {
    }

    /** The directory lists {@code personRef} in {@code team} (through an alias nobody spends under). */
    public static IdentityLinked link(String personRef, String team, Instant from) {
        return new IdentityLinked("lnk-" + personRef, "als_mail_" + personRef, "email", personRef, team, null,
                "directory", from, from, SHA);
    }

    public static SpendRecorded spend(String recordId, String personRef, String team, Instant at, long costUsdMicros) {
        return new SpendRecorded(recordId, personRef, team, null, "anthropic", "model-a",
                Spend.priced(TokenCounts.of(1_000, 100), costUsdMicros, SpendMother.FIRST_CARD), null, "coding", "api",
                null, null, at, at, SHA, null);
    }

    /** A merged pull request; {@code evidence} when it is recorded beside the same work counted elsewhere. */
    public static OutcomeRecorded mergedPr(String outcomeId, String personRef, String team, Instant at,
                                           boolean evidence) {
        return new OutcomeRecorded(outcomeId, "pull_request_merged", personRef, team, null, "acme/app", 1L, 10L, 2L,
                List.of(), null, "github", at, at, SHA, null, evidence ? UsageAccounting.EVIDENCE : null);
    }

    public static OutcomeRecorded review(String outcomeId, String personRef, String team, Instant at) {
        return new OutcomeRecorded(outcomeId, "pull_request_reviewed", personRef, team, null, "acme/app", 1L, null,
                null, List.of(), null, "github", at, at, SHA, null, null);
    }

    /** A PHASE_CHANGED of {@code team}, or of the organization ({@code team} null) with the teams following it. */
    public static PolicyDecisionRecorded phaseChanged(@Nullable String team, String from, String to, String how,
                                                      long trigger, Instant at, List<String> teamsFollowing) {
        String subject = team == null ? "org" : team;
        Map<String, Object> evidence = new LinkedHashMap<>();
        if (team == null) {
            evidence.put("teamsSwitched", Map.of());
            evidence.put("teamsFollowing", teamsFollowing);
        } else {
            evidence.put("team", team);
        }
        evidence.put("from", from);
        evidence.put("to", to);
        evidence.put("how", how);
        return recorded(new PolicyDecision("PHASE_CHANGED:" + subject + "@" + trigger, "PHASE_CHANGED",
                "phase:" + subject, "phase-" + subject, 1, List.of(new PolicyDecision.DecisionInput(trigger,
                "trigger", 0)), to, "switched", at, trigger, evidence));
    }

    public static PolicyDecisionRecorded badge(String badgeId, String name, String tier, String personRef,
                                               String team, String windowKey, Instant at) {
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("badge", name);
        evidence.put("metric", "FIRST_USE");
        evidence.put("phase", "EXPLORATION");
        evidence.put("team", team);
        evidence.put("window", "ALL_TIME");
        evidence.put("windowKey", windowKey);
        evidence.put("threshold", 1);
        evidence.put("value", 1);
        return recorded(new PolicyDecision(String.join(":", "BADGE_AWARDED", badgeId, personRef, windowKey, tier),
                "BADGE_AWARDED", "person:" + personRef, badgeId, 2, List.of(), tier, name + " " + tier, at, 1L,
                evidence));
    }

    public static PolicyDecisionRecorded flag(String ruleId, String rule, String name, String personRef,
                                              String team, String windowKey, long flaggedSpendUsdMicros, Instant at) {
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("rule", rule);
        evidence.put("name", name);
        evidence.put("team", team);
        evidence.put("windowKey", windowKey);
        evidence.put("flaggedSpendUsdMicros", flaggedSpendUsdMicros);
        evidence.put("figures", Map.of("costUsdMicros", flaggedSpendUsdMicros));
        return recorded(new PolicyDecision(String.join(":", "ANOMALY_FLAGGED", ruleId, personRef, windowKey),
                "ANOMALY_FLAGGED", "person:" + personRef, ruleId, 1, List.of(), "FLAGGED", name + " (" + rule + ") in "
                + windowKey, at, 1L, evidence));
    }

    /** A reviewer's clearing of {@code flag}, recorded at {@code flagPosition}: an outside request, no trigger. */
    public static PolicyDecisionRecorded clearing(PolicyDecisionRecorded flag, long flagPosition, String actor,
                                                  String reason, Instant at) {
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("flagDecisionId", flag.decisionId());
        evidence.put("flagPosition", flagPosition);
        evidence.put("actor", actor);
        evidence.put("reason", reason);
        return recorded(new PolicyDecision("ANOMALY_CLEARED:" + flag.decisionId(), "ANOMALY_CLEARED",
                flag.subject(), flag.policyId(), flag.policyVersion(), List.of(), "CLEARED",
                "cleared by " + actor + ": " + reason, at, null, evidence));
    }

    private static PolicyDecisionRecorded recorded(PolicyDecision decision) {
        return PolicyDecisionRecorded.of(decision, SHA);
    }
}
