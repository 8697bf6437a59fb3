package dev.aispend.report.gamification;

import dev.aispend.report.gamification.PhaseResolution.PhaseDecision;
import dev.aispend.report.gamification.PhaseResolution.Resolved;
import dev.aispend.report.gamification.PhaseResolution.Source;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PhaseResolutionTest {
    private static final Instant AT = Instant.parse("2026-10-05T00:00:00Z");

    private static PhaseDecision team(long position, String team, String phase, String how) {
        return new PhaseDecision(position, "PHASE_CHANGED:" + team + "@" + position, team, phase, how,
                AT.plusSeconds(position), "phase-" + team, 1, List.of());
    }

    private static PhaseDecision organization(long position, String phase, String... following) {
        return new PhaseDecision(position, "PHASE_CHANGED:org@" + position, "org", phase, "MANUAL",
                AT.plusSeconds(position), "phase-org", position, List.of(following));
    }

    @Test
    void teams_without_a_decision_are_in_exploration_by_default() {
        PhaseResolution.Phases phases = PhaseResolution.resolve(List.of(), List.of("platform"));

        assertThat(phases.organization()).isEqualTo(new Resolved("EXPLORATION", Source.DEFAULT, null));
        assertThat(phases.teams()).containsOnlyKeys("platform");
        assertThat(phases.teams().get("platform").source()).isEqualTo(Source.DEFAULT);
    }

    @Test
    void teams_follow_the_organization_unless_a_decision_of_their_own_set_their_phase() {
        PhaseDecision org = organization(10, "OUTCOME", "platform", "research");
        PhaseDecision research = team(12, "research", "EXPLORATION", "MANUAL");

        Map<String, Resolved> teams = PhaseResolution.resolve(List.of(research, org), List.of("platform", "research",
                "web")).teams();

        assertThat(teams.get("platform")).isEqualTo(new Resolved("OUTCOME", Source.ORGANIZATION, org));
        assertThat(teams.get("web")).isEqualTo(new Resolved("OUTCOME", Source.ORGANIZATION, org));
        assertThat(teams.get("research")).isEqualTo(new Resolved("EXPLORATION", Source.TEAM, research));
    }

    @Test
    void an_organization_decision_takes_back_the_own_phase_of_the_teams_it_names_as_following() {
        PhaseDecision automatic = team(5, "platform", "OUTCOME", "AUTOMATIC");
        PhaseDecision own = team(6, "research", "OUTCOME", "MANUAL");
        PhaseDecision reset = organization(9, "EXPLORATION", "platform", "web");

        Map<String, Resolved> teams = PhaseResolution.resolve(List.of(automatic, own, reset), List.of()).teams();

        assertThat(teams.get("platform")).isEqualTo(new Resolved("EXPLORATION", Source.ORGANIZATION, reset));
        assertThat(teams.get("web").source()).isEqualTo(Source.ORGANIZATION);
        assertThat(teams.get("research")).isEqualTo(new Resolved("OUTCOME", Source.TEAM, own));
    }

    @Test
    void a_team_decision_after_the_organization_one_sets_the_team_phase_again() {
        PhaseDecision reset = organization(9, "EXPLORATION", "platform");
        PhaseDecision automatic = team(14, "platform", "OUTCOME", "AUTOMATIC");

        Resolved platform = PhaseResolution.resolve(List.of(reset, automatic), List.of()).teams().get("platform");

        assertThat(platform).isEqualTo(new Resolved("OUTCOME", Source.TEAM, automatic));
        assertThat(platform.decision().how()).isEqualTo("AUTOMATIC");
    }
}
