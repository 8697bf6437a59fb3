package dev.aispend.report.efficiency;

import dev.aispend.report.efficiency.UsageTiers.PersonFigures;
import dev.aispend.report.efficiency.UsageTiers.Tier;
import dev.aispend.report.web.ReportPrivacy;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class TierTableTest {
    private static final ReportPrivacy HIDING = ReportPrivacy.forCaller(false, 5);
    private static final ReportPrivacy SHOWING = ReportPrivacy.forCaller(true, 5);
    private static final EfficiencyReport.WithoutSpend NONE = new EfficiencyReport.WithoutSpend(0, 0);

    @Test
    void compares_the_top_decile_with_the_median_tier_from_the_exact_quotients() {
        List<PersonFigures> people = new ArrayList<>();
        for (int index = 1; index <= 10; index++) {
            people.add(new PersonFigures(String.format("p%02d", index), 1_000L * index, 1_000L, 1));
        }
        // Q3 = p05, p06: spend 11,000, tokens 120,000, 4 PRs. D10 = p10: spend 10,000, tokens 1,200,000, 8 PRs.
        people.set(4, new PersonFigures("p05", 5_000, 50_000, 2));
        people.set(5, new PersonFigures("p06", 6_000, 70_000, 2));
        people.set(9, new PersonFigures("p10", 10_000, 1_200_000, 8));

        EfficiencyReport.Tiers tiers = TierTable.of(people, NONE, SHOWING).tiers();

        EfficiencyReport.TierRow median = tiers.tiers().get(Tier.Q3.ordinal());
        assertThat(median.figures()).isEqualTo(new EfficiencyReport.TierFigures(11_000, 120_000, 4, 2_750L, 30_000L,
                "2.00"));
        EfficiencyReport.TierRow top = tiers.tiers().get(Tier.D10.ordinal());
        assertThat(top.figures()).isEqualTo(new EfficiencyReport.TierFigures(10_000, 1_200_000, 8, 1_250L, 150_000L,
                "8.00"));
        // 150,000 / 30,000 = 5; 8 / 2 = 4; 1,250 / 2,750 = 0.4545...
        assertThat(tiers.topDecileVsMedian()).isEqualTo(new EfficiencyReport.TopDecileVsMedian("5.00", "4.00",
                "0.45"));
        assertThat(tiers.rankedPeople()).isEqualTo(10);
    }

    @Test
    void hides_nothing_from_a_caller_who_may_see_people() {
        assertThat(TierTable.hidden(UsageTiers.of(people(7)), 7, SHOWING)).isEmpty();
    }

    @Test
    void hides_a_top_decile_of_fewer_than_k_people_and_the_ratios_with_it() {
        // n = 25: quintiles of 5, shown; the top decile is ceil(2.5) = 3 people.
        EfficiencyReport.Tiers tiers = TierTable.of(people(25), NONE, HIDING).tiers();

        assertThat(tiers.tiers()).extracting(EfficiencyReport.TierRow::suppressed)
                .containsExactly(false, false, false, false, false, true);
        assertThat(tiers.tiers().get(Tier.D10.ordinal()).figures()).isNull();
        assertThat(tiers.topDecileVsMedian()).isEqualTo(new EfficiencyReport.TopDecileVsMedian(null, null, null));
    }

    @Test
    void hides_a_top_decile_that_would_leave_fewer_than_k_people_of_a_shown_quintile_beside_it() {
        // n = 45: quintiles of 9; the top decile takes 5 of Q5, leaving 4: Q5 minus D10 would show 4 people.
        assertThat(TierTable.hidden(UsageTiers.of(people(45)), 45, HIDING)).containsExactly(Tier.D10);
        // n = 50: quintiles of 10; the top decile takes 5 of Q5, leaving 5.
        assertThat(TierTable.hidden(UsageTiers.of(people(50)), 50, HIDING)).isEmpty();
    }

    @Test
    void hides_small_quintiles_and_more_until_the_hidden_ones_count_k_people() {
        // n = 12: quintiles of 3, 2, 3, 2, 2 people, all fewer than 5.
        assertThat(TierTable.hidden(UsageTiers.of(people(12)), 12, HIDING)).isEqualTo(Set.of(Tier.values()));
        // n = 24: quintiles of 5, 5, 5, 5, 4 (5r/24 reaches 4 at r = 20); Q5 hidden, then one more to reach k.
        assertThat(TierTable.hidden(UsageTiers.of(people(24)), 24, HIDING)).hasSize(3).contains(Tier.Q5, Tier.D10);
    }

    @Test
    void hides_the_two_tiers_of_a_team_of_two_despite_the_empty_quintiles_between_them() {
        // n = 2: Q1 and Q3 one person each, Q2, Q4, Q5 empty; the top decile is the person of Q3.
        assertThat(TierTable.hidden(UsageTiers.of(people(2)), 2, HIDING))
                .isEqualTo(Set.of(Tier.Q1, Tier.Q3, Tier.D10));
    }

    private static List<PersonFigures> people(int count) {
        List<PersonFigures> people = new ArrayList<>();
        for (int index = 1; index <= count; index++) {
            people.add(new PersonFigures(String.format("p%03d", index), 100L * index, 10L * index, index % 3));
        }
        return people;
    }
}
