package dev.aispend.report.gamification;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Every team's phase from the PHASE_CHANGED decisions the ledger recorded up to a position, the way policy-service
 * shows them (docs/gamification.md, Phases): a team's latest decision of its own sets its phase; an organization
 * decision ({@code phase:org}) sets the phase of every team without one, and takes back the own phase of each team
 * it names as following it (teams whose own policy ended, whose automatic switch the new organization version
 * resets); a team with no decision at all is in EXPLORATION. Pure.
 */
public final class PhaseResolution {
    /** The subject policy-service gives the organization's phase ({@code phase:org}). */
    public static final String ORGANIZATION = "org";
    public static final String DEFAULT_PHASE = "EXPLORATION";

    private PhaseResolution() {
    }

    /**
     * A recorded PHASE_CHANGED: whose phase ({@code org} or a team), the phase it set, how (MANUAL or AUTOMATIC),
     * and, for the organization, every team that follows it from there.
     */
    public record PhaseDecision(long position, String decisionId, String subject, String phase,
                                @Nullable String how, Instant occurredAt, String policyId, long policyVersion,
                                List<String> teamsFollowing) {
        public PhaseDecision {
            teamsFollowing = List.copyOf(teamsFollowing);
        }

        boolean organization() {
            return ORGANIZATION.equals(subject);
        }
    }

    /** Where a phase comes from: a decision about the team itself, the organization's, or no decision at all. */
    public enum Source {
        TEAM, ORGANIZATION, DEFAULT
    }

    /** A phase and the decision that set it (null for the default). */
    public record Resolved(String phase, Source source, @Nullable PhaseDecision decision) {
    }

    /** The organization's phase and each team's, teams sorted by name. */
    public record Phases(Resolved organization, Map<String, Resolved> teams) {
    }

    /**
     * The phases after {@code decisions} (any order; applied in ledger order), for every team in
     * {@code knownTeams} and every team a decision names.
     */
    public static Phases resolve(List<PhaseDecision> decisions, Collection<String> knownTeams) {
        Map<String, PhaseDecision> own = new TreeMap<>();
        PhaseDecision organization = null;
        TreeSet<String> teams = new TreeSet<>(knownTeams);
        List<PhaseDecision> ordered = decisions.stream()
                .sorted(Comparator.comparingLong(PhaseDecision::position)).toList();
        for (PhaseDecision decision : ordered) {
            if (decision.organization()) {
                for (String team : decision.teamsFollowing()) {
                    teams.add(team);
                    PhaseDecision before = own.get(team);
                    if (before != null && before.position() < decision.position()) {
                        own.remove(team);
                    }
                }
                organization = decision;
            } else {
                teams.add(decision.subject());
                own.put(decision.subject(), decision);
            }
        }
        Resolved organizationPhase = organization == null
                ? new Resolved(DEFAULT_PHASE, Source.DEFAULT, null)
                : new Resolved(organization.phase(), Source.ORGANIZATION, organization);
        Map<String, Resolved> resolved = new TreeMap<>();
        for (String team : teams) {
            PhaseDecision decision = own.get(team);
            resolved.put(team, decision == null ? organizationPhase
                    : new Resolved(decision.phase(), Source.TEAM, decision));
        }
        return new Phases(organizationPhase, resolved);
    }
}
