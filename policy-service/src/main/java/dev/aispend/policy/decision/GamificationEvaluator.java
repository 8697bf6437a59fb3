package dev.aispend.policy.decision;

import dev.aispend.contracts.ledger.IdentityLinked;
import dev.aispend.contracts.ledger.LedgerPayload;
import dev.aispend.contracts.ledger.OutcomeRecorded;
import dev.aispend.contracts.ledger.PolicyChanged;
import dev.aispend.contracts.ledger.SpendRecorded;
import dev.aispend.contracts.ledger.SpendRepriced;
import dev.aispend.contracts.policy.PolicyDecision;
import dev.aispend.contracts.usage.TokenCounts;
import dev.aispend.contracts.usage.UsageAccounting;
import dev.aispend.platform.ledger.LedgerEvent;
import dev.aispend.policy.activity.PeopleDirectory;
import dev.aispend.policy.activity.RuleWindow;
import dev.aispend.policy.activity.ZoneActivity;
import dev.aispend.policy.phase.PhaseTracker;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Phases, badges and anomaly flags derived from the ledger, entry by entry, in ledger order. Pure: the same
 * entries give the same decisions with the same ids, whoever runs it (the live step, a verifier). Its inputs are
 * the PHASE, BADGE_RULE and ANOMALY_RULE policies, identity links, spend, re-pricings and merged pull requests;
 * never a decision read back, never evidence-only usage or outcomes (they are counted elsewhere already).
 *
 * <p>Time is the entries' own: the latest time of any spend or merged pull request is the watermark; a window closes
 * when it passes the window's end by {@link ZoneActivity#CLOSING_GRACE} (entries of a client whose clock is a little
 * ahead, a webhook a little late, still count), and the entry that moved it triggers what the closing decides
 * (badges judged at close and anomaly rules, then weekly adoption), decided at the window's end. Counting badges are
 * awarded by the entry that reaches a tier. A badge is awarded only while the person's team is in the badge's phase.
 */
public final class GamificationEvaluator {
    static final String PULL_REQUEST_MERGED = "pull_request_merged";

    private final PeopleDirectory directory = new PeopleDirectory();
    private final PhaseTracker phases = new PhaseTracker();
    private final GamificationRules rules = new GamificationRules();
    private final Map<ZoneId, ZoneActivity> zones = new LinkedHashMap<>();
    private final GamificationJudging judging;
    private long appliedThrough;

    public GamificationEvaluator() {
        zones.put(ZoneOffset.UTC, new ZoneActivity(ZoneOffset.UTC));
        judging = new GamificationJudging(directory, phases, rules);
    }

    /** The last position applied (0 before any). */
    public long appliedThrough() {
        return appliedThrough;
    }

    public PhaseTracker phases() {
        return phases;
    }

    public List<PolicyDecision> apply(LedgerEvent event) {
        long position = event.position();
        if (position <= appliedThrough) {
            throw new IllegalArgumentException("position " + position + " applied already (through "
                    + appliedThrough + ")");
        }
        List<PolicyDecision> decisions = new ArrayList<>();
        LedgerPayload payload = event.payload();
        if (payload instanceof PolicyChanged changed) {
            decisions.addAll(rules.changed(changed, position, phases, directory));
            rules.zones().forEach(zone -> zones.computeIfAbsent(zone, ZoneActivity::new));
        } else if (payload instanceof IdentityLinked link) {
            directory.link(link.personRef(), link.team());
        } else if (payload instanceof SpendRecorded spend) {
            spent(spend, position, decisions);
        } else if (payload instanceof OutcomeRecorded outcome && PULL_REQUEST_MERGED.equals(outcome.kind())
                && outcome.accounting() != UsageAccounting.EVIDENCE) {
            merged(outcome, position, decisions);
        } else if (payload instanceof SpendRepriced repriced) {
            long delta = repriced.repriced().costUsdMicros() - repriced.previous().costUsdMicros();
            zones.values().forEach(zone -> zone.repriced(repriced.personRef(), repriced.occurredAt(), position,
                    delta));
        }
        appliedThrough = position;
        return decisions;
    }

    private void spent(SpendRecorded spend, long position, List<PolicyDecision> decisions) {
        advance(spend.occurredAt(), position, decisions);
        directory.seen(spend.personRef(), spend.team());
        TokenCounts tokens = spend.spend().tokens();
        boolean counted = false;
        for (ZoneActivity zone : zones.values()) {
            counted |= zone.spend(spend.personRef(), spend.occurredAt(), position, spend.spend().costUsdMicros(),
                    tokens.inputTokens(), tokens.outputTokens(), tokens.cacheReadTokens(),
                    tokens.cacheWrite5mTokens() + tokens.cacheWrite1hTokens(), tokens.reasoningTokens(),
                    spend.model());
        }
        // A late entry is counted nowhere, and so awards nothing (its window was judged).
        if (counted) {
            decisions.addAll(judging.counted(spend.personRef(), spend.occurredAt(), position, zones));
        }
    }

    private void merged(OutcomeRecorded outcome, long position, List<PolicyDecision> decisions) {
        advance(outcome.occurredAt(), position, decisions);
        directory.seen(outcome.personRef(), outcome.team());
        long pullRequests = outcome.count() == null ? 1 : outcome.count();
        boolean assisted = outcome.aiAssistance().assisted();
        boolean counted = false;
        for (ZoneActivity zone : zones.values()) {
            counted |= zone.merged(outcome.personRef(), outcome.occurredAt(), position, pullRequests, assisted);
        }
        if (counted) {
            decisions.addAll(judging.counted(outcome.personRef(), outcome.occurredAt(), position, zones));
        }
    }

    /** Moves every zone's watermark; judges what closed, in the order the windows end, zone by zone. */
    private void advance(Instant time, long position, List<PolicyDecision> decisions) {
        for (ZoneActivity zone : zones.values()) {
            for (ZoneActivity.ClosedWindow closed : zone.advanceTo(time)) {
                // The window is judged in the phase it was lived in; a switch it causes counts from its end.
                decisions.addAll(judging.closed(zone, closed, position));
                if (closed.window() == RuleWindow.ISO_WEEK) {
                    phases.weekClosed(closed, zone.zone(), directory).forEach(change -> decisions.add(
                            GamificationDecisions.phaseChanged(change, position, closed.end())));
                }
            }
        }
    }
}
