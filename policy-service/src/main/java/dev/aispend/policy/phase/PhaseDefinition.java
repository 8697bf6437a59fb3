package dev.aispend.policy.phase;

import io.micronaut.core.annotation.Nullable;

import java.time.ZoneId;
import java.util.Objects;

/**
 * A PHASE policy's content: the phase set by hand for one team ({@code team}) or for every team without a phase
 * policy of its own ({@code team} null: the organization), and optionally the automatic switch to OUTCOME. A new
 * version whose {@code phase} differs from the team's phase at its ledger position is a manual switch.
 *
 * @param timeZone the zone of the ISO weeks adoption is counted in
 */
public record PhaseDefinition(@Nullable String team, Phase phase, @Nullable AutomaticSwitch automatic,
                              ZoneId timeZone) {
    public PhaseDefinition {
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(timeZone, "timeZone");
    }

    /**
     * Switch to OUTCOME once weekly adoption (people active in an ISO week over the people the directory lists
     * for the team) is at or above {@code adoptionPercent} for {@code consecutiveWeeks} weeks in a row.
     */
    public record AutomaticSwitch(int adoptionPercent, int consecutiveWeeks) {
        public AutomaticSwitch {
            if (adoptionPercent < 1 || adoptionPercent > 100) {
                throw new IllegalArgumentException("adoptionPercent must be within 1..100, was " + adoptionPercent);
            }
            if (consecutiveWeeks < 1 || consecutiveWeeks > 52) {
                throw new IllegalArgumentException("consecutiveWeeks must be within 1..52, was " + consecutiveWeeks);
            }
        }
    }
}
