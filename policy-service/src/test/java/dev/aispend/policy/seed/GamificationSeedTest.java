package dev.aispend.policy.seed;

import dev.aispend.contracts.policy.PolicyChangeRequest;
import dev.aispend.contracts.policy.PolicyKind;
import dev.aispend.policy.antigaming.AnomalyContent;
import dev.aispend.policy.antigaming.AnomalyDefinition;
import dev.aispend.policy.antigaming.AnomalyKind;
import dev.aispend.policy.badge.BadgeContent;
import dev.aispend.policy.badge.BadgeDefinition;
import dev.aispend.policy.badge.BadgeMetric;
import dev.aispend.policy.badge.BadgeTier;
import dev.aispend.policy.changes.PolicyApi;
import io.micronaut.json.JsonMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/** The shipped gamification seeds: the documented defaults, canonical, and the same requests every time. */
class GamificationSeedTest {
    private static final JsonMapper JSON = JsonMapper.createDefault();

    @Test
    void ships_the_documented_badges_none_of_them_for_consumption() throws IOException {
        Map<String, BadgeDefinition> badges = parsed(PolicySeedFile.badges(), BadgeContent::parse);

        assertThat(badges.keySet()).containsExactly("badge-first-use", "badge-regular-weekly-use",
                "badge-model-explorer", "badge-cache-wise", "badge-ai-assisted-merges", "badge-cost-per-pr",
                "badge-tokens-per-pr");
        assertThat(badges.get("badge-regular-weekly-use").tiers()).containsExactly(Map.entry(BadgeTier.BRONZE, 4L),
                Map.entry(BadgeTier.SILVER, 8L), Map.entry(BadgeTier.GOLD, 12L), Map.entry(BadgeTier.PLATINUM, 26L),
                Map.entry(BadgeTier.EMERALD, 52L));
        assertThat(badges.get("badge-cache-wise").minimumInputTokens()).isEqualTo(1_000_000);
        assertThat(badges.get("badge-cost-per-pr").metric())
                .isEqualTo(BadgeMetric.COST_PER_MERGED_PR_BELOW_TEAM_MEDIAN_PERCENT);
        assertThat(badges.get("badge-tokens-per-pr").minimumMergedPrs()).isEqualTo(3);
        assertThat(badges.get("badge-ai-assisted-merges").tiers()).containsEntry(BadgeTier.EMERALD, 40L);
    }

    @Test
    void ships_the_documented_anomaly_rules() throws IOException {
        Map<String, AnomalyDefinition> rules = parsed(PolicySeedFile.anomalyRules(), AnomalyContent::parse);

        assertThat(rules.keySet()).containsExactly("anomaly-spend-without-outcomes", "anomaly-tokens-per-pr",
                "anomaly-overnight-loops", "anomaly-prompt-inflation");
        assertThat(rules.get("anomaly-spend-without-outcomes").minimumSpendUsdMicros()).isEqualTo(50_000_000);
        assertThat(rules.get("anomaly-tokens-per-pr").multiplePercent()).isEqualTo(500);
        assertThat(rules.get("anomaly-overnight-loops").rule()).isEqualTo(AnomalyKind.OVERNIGHT_IDLE_LOOP);
        assertThat(rules.get("anomaly-overnight-loops").minimumNights()).isEqualTo(2);
        assertThat(rules.get("anomaly-prompt-inflation").multiplePercent()).isEqualTo(400);
    }

    @Test
    void sends_canonical_content_with_fixed_ids_and_instants_so_two_instances_seeding_at_once_are_recorded_once()
            throws IOException {
        for (PolicySeedFile file : List.of(PolicySeedFile.badges(), PolicySeedFile.anomalyRules())) {
            List<PolicyChangeRequest> first = file.load(JSON).requests();
            List<PolicyChangeRequest> second = file.load(JSON).requests();

            assertThat(first).isEqualTo(second);
            assertThat(first).allSatisfy(request -> {
                assertThat(request.kind()).isEqualTo(file.kind());
                assertThat(request.expectedVersion()).isZero();
                assertThat(request.actor()).isEqualTo("system");
                assertThat(request.requestId()).isEqualTo("seed:" + request.policyId() + ":2026-11-24");
                assertThat(request.requestedAt()).isEqualTo(Instant.parse("2026-11-24T00:00:00Z"));
                assertThat(PolicyApi.POLICY_ID.matcher(request.policyId()).matches()).isTrue();
                assertThat(request.content()).isEqualTo(file.canonicalContent().apply(request.content()));
            });
        }
        assertThat(PolicySeedFile.badges().kind()).isEqualTo(PolicyKind.BADGE_RULE);
    }

    /** The seed's policies by id, in the file's order, each parsed as the API would parse it. */
    private static <T> Map<String, T> parsed(PolicySeedFile file, Function<Map<String, Object>, T> parse)
            throws IOException {
        Map<String, T> parsed = new LinkedHashMap<>();
        file.load(JSON).policies().forEach(policy -> parsed.put(policy.id(), parse.apply(policy.content())));
        return parsed;
    }
}
