package dev.aispend.report.efficiency;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.aispend.report.efficiency.ExpectedEfficiency.halfUp;
import static dev.aispend.report.efficiency.ExpectedEfficiency.twoPlaces;
import static org.assertj.core.api.Assertions.assertThat;

/** Compares one period of the efficiency report (JSON, and its CSV read back) with expected figures. */
final class EfficiencyAssertions {
    private static final List<String> TIERS = List.of("Q1", "Q2", "Q3", "Q4", "Q5", "D10");

    private EfficiencyAssertions() {
    }

    static void assertPeriod(JsonNode period, ExpectedEfficiency.Period expected) {
        assertThat(period.get("teams").findValuesAsText("team")).containsExactlyElementsOf(expected.teams().keySet());
        long prs = 0;
        long cost = 0;
        long tokens = 0;
        Set<String> people = new HashSet<>();
        for (Map.Entry<String, ExpectedEfficiency.Sums> team : expected.teams().entrySet()) {
            ExpectedEfficiency.Sums sums = team.getValue();
            assertTeam(period, team.getKey(), sums.people.size(), sums.prs, sums.cost, sums.tokens,
                    halfUp(sums.cost, sums.prs), halfUp(sums.tokens, sums.prs));
            prs += sums.prs;
            cost += sums.cost;
            tokens += sums.tokens;
            people.addAll(sums.people);
        }
        assertThat(period.at("/total/people").asLong()).isEqualTo(people.size());
        assertFigures(period.at("/total/figures"), prs, cost, tokens, halfUp(cost, prs), halfUp(tokens, prs));
        for (String name : TIERS) {
            ExpectedEfficiency.Sums tier = expected.tiers().getOrDefault(name, new ExpectedEfficiency.Sums());
            assertTier(period, name, tier.people.size(), tier.cost, tier.tokens, tier.prs, halfUp(tier.cost, tier.prs),
                    halfUp(tier.tokens, tier.prs), twoPlaces(tier.prs, tier.people.size()));
        }
        assertThat(period.at("/tiers/mergedPrsWithoutSpend/people").asLong()).isEqualTo(expected.withoutSpendPeople());
        assertThat(period.at("/tiers/mergedPrsWithoutSpend/mergedPrs").asLong()).isEqualTo(expected.withoutSpendPrs());
        ExpectedEfficiency.Sums top = expected.tiers().getOrDefault("D10", new ExpectedEfficiency.Sums());
        ExpectedEfficiency.Sums median = expected.tiers().getOrDefault("Q3", new ExpectedEfficiency.Sums());
        JsonNode ratios = period.at("/tiers/topDecileVsMedian");
        assertThat(text(ratios, "tokensPerMergedPr")).isEqualTo(top.prs == 0 ? null
                : twoPlaces(top.tokens * median.prs, top.prs * median.tokens));
        assertThat(text(ratios, "mergedPrsPerPerson")).isEqualTo(twoPlaces(top.prs * median.people.size(),
                (long) top.people.size() * median.prs));
    }

    static void assertTeam(JsonNode period, String team, long people, long prs, long cost, long tokens,
                           Long costPerPr, Long tokensPerPr) {
        JsonNode row = find(period.get("teams"), "team", team);
        assertThat(row.get("people").asLong()).as(team + " people").isEqualTo(people);
        assertThat(row.get("suppressed").asBoolean()).isFalse();
        assertFigures(row.get("figures"), prs, cost, tokens, costPerPr, tokensPerPr);
    }

    static void assertTier(JsonNode period, String tier, long people, long spend, long tokens, long prs,
                           Long costPerPr, Long tokensPerPr, String prsPerPerson) {
        JsonNode row = find(period.at("/tiers/tiers"), "tier", tier);
        assertThat(row.get("people").asLong()).as(tier + " people").isEqualTo(people);
        JsonNode figures = row.get("figures");
        assertThat(figures.get("spendUsdMicros").asLong()).as(tier + " spend").isEqualTo(spend);
        assertThat(figures.get("tokens").asLong()).as(tier + " tokens").isEqualTo(tokens);
        assertThat(figures.get("mergedPrs").asLong()).as(tier + " PRs").isEqualTo(prs);
        assertThat(number(figures, "costPerMergedPrUsdMicros")).as(tier + " cost per PR").isEqualTo(costPerPr);
        assertThat(number(figures, "tokensPerMergedPr")).as(tier + " tokens per PR").isEqualTo(tokensPerPr);
        assertThat(text(figures, "mergedPrsPerPerson")).as(tier + " PRs per person").isEqualTo(prsPerPerson);
    }

    /** Every CSV row carries the same figures as its group in the JSON. */
    static void assertCsvMatches(List<Map<String, String>> rows, JsonNode period) {
        for (Map<String, String> row : rows) {
            assertThat(row.get("period")).isEqualTo(period.get("period").asText());
            JsonNode figures = switch (row.get("row")) {
                case "total" -> period.at("/total/figures");
                case "team" -> find(period.get("teams"), "team", row.get("team")).get("figures");
                case "tier" -> find(period.at("/tiers/tiers"), "tier", row.get("tier")).get("figures");
                default -> null;
            };
            if (figures == null) {
                continue;
            }
            assertThat(Long.parseLong(row.get("mergedPrs"))).isEqualTo(figures.get("mergedPrs").asLong());
            String cost = "tier".equals(row.get("row")) ? "spendUsdMicros" : "costUsdMicros";
            assertThat(Long.parseLong(row.get("costUsdMicros"))).isEqualTo(figures.get(cost).asLong());
            assertThat(Long.parseLong(row.get("tokens"))).isEqualTo(figures.get("tokens").asLong());
            assertThat(row.get("costPerMergedPrUsdMicros")).isEqualTo(orEmpty(figures, "costPerMergedPrUsdMicros"));
            assertThat(row.get("tokensPerMergedPr")).isEqualTo(orEmpty(figures, "tokensPerMergedPr"));
        }
        Map<String, String> ratios = rows.stream().filter(row -> "topDecileVsMedian".equals(row.get("row")))
                .findFirst().orElseThrow();
        assertThat(ratios.get("tokensPerMergedPrRatio")).isEqualTo(period.at("/tiers/topDecileVsMedian/"
                + "tokensPerMergedPr").asText());
        Map<String, String> without = rows.stream().filter(row -> "withoutSpend".equals(row.get("row")))
                .findFirst().orElseThrow();
        assertThat(without.get("mergedPrs")).isEqualTo(period.at("/tiers/mergedPrsWithoutSpend/mergedPrs").asText());
    }

    private static void assertFigures(JsonNode figures, long prs, long cost, long tokens, Long costPerPr,
                                      Long tokensPerPr) {
        assertThat(figures.get("mergedPrs").asLong()).isEqualTo(prs);
        assertThat(figures.get("costUsdMicros").asLong()).isEqualTo(cost);
        assertThat(figures.get("tokens").asLong()).isEqualTo(tokens);
        assertThat(number(figures, "costPerMergedPrUsdMicros")).isEqualTo(costPerPr);
        assertThat(number(figures, "tokensPerMergedPr")).isEqualTo(tokensPerPr);
    }

    private static JsonNode find(JsonNode rows, String field, String value) {
        for (JsonNode row : rows) {
            if (value.equals(row.get(field).asText())) {
                return row;
            }
        }
        throw new AssertionError("no row with " + field + " " + value + " in " + rows);
    }

    private static Long number(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asLong() : null;
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }

    private static String orEmpty(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : "";
    }
}
