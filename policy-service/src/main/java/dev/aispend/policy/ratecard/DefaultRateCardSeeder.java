package dev.aispend.policy.ratecard;

import dev.aispend.policy.seed.PolicySeedFile;
import dev.aispend.policy.seed.PolicySeeding;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Records the default rate cards at first start, as actor {@code system}, when the ledger holds no rate card:
 * once the policy projection has caught up with the last entry of ledger.v1 and shows no card
 * ({@link PolicySeeding}). Retried on a schedule until it has either seeded or found a card; then it stops
 * looking. Off with {@code POLICY_SEED_RATE_CARDS=false}.
 */
@Singleton
@Requires(property = "policy.seed.enabled", value = "true", defaultValue = "true")
public class DefaultRateCardSeeder {
    private final PolicySeeding seeding;
    private final PolicySeedFile file;
    private final AtomicBoolean settled = new AtomicBoolean();

    DefaultRateCardSeeder(PolicySeeding seeding,
                          @Value("${policy.seed.resource:rate-cards/default-rate-cards.json}") String resource) {
        this.seeding = seeding;
        this.file = PolicySeedFile.rateCards(resource);
    }

    @Scheduled(initialDelay = "${policy.seed.initial-delay:3s}", fixedDelay = "${policy.seed.interval:5s}")
    void seedIfNeeded() {
        seeding.seedUnlessSettled(file, settled);
    }

    /** True once there is nothing left to do: a card exists, or the seed was sent. */
    boolean trySeed() throws IOException {
        return seeding.trySeed(file);
    }
}
