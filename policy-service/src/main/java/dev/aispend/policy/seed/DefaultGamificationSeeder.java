package dev.aispend.policy.seed;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Records the default badge rules and anomaly rules (docs/gamification.md) at first start, as actor
 * {@code system}, each kind when the ledger holds no rule of it ({@link PolicySeeding}). No phase is seeded:
 * a team without a phase policy is in EXPLORATION. Retried on the rate card seeder's schedule until each kind
 * has settled. Off with {@code POLICY_SEED_GAMIFICATION=false}.
 */
@Singleton
@Requires(property = "policy.seed.gamification-enabled", value = "true", defaultValue = "true")
public class DefaultGamificationSeeder {
    private final PolicySeeding seeding;
    private final PolicySeedFile badges = PolicySeedFile.badges();
    private final PolicySeedFile anomalyRules = PolicySeedFile.anomalyRules();
    private final AtomicBoolean badgesSettled = new AtomicBoolean();
    private final AtomicBoolean anomalyRulesSettled = new AtomicBoolean();

    DefaultGamificationSeeder(PolicySeeding seeding) {
        this.seeding = seeding;
    }

    @Scheduled(initialDelay = "${policy.seed.initial-delay:3s}", fixedDelay = "${policy.seed.interval:5s}")
    void seedIfNeeded() {
        seeding.seedUnlessSettled(badges, badgesSettled);
        seeding.seedUnlessSettled(anomalyRules, anomalyRulesSettled);
    }

    /** Whether both kinds have settled: seeded, or found in the ledger. */
    public boolean settled() {
        return badgesSettled.get() && anomalyRulesSettled.get();
    }
}
