package dev.aispend.report.efficiency;

import dev.aispend.report.efficiency.UsageTiers.Tier;
import dev.aispend.report.efficiency.UsageTiers.TierSums;
import dev.aispend.report.query.Fractions;
import dev.aispend.report.web.ReportPrivacy;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The tiers of one period as the report shows them. For a caller who may not see people, the quintiles (which
 * partition the ranked people) are hidden as {@link ReportPrivacy#hidden} hides groups: fewer than k people, and
 * more until the hidden ones count k. The top decile is hidden when it holds fewer than k people, or when it
 * splits a shown quintile leaving fewer than k people of that quintile outside it (which subtraction would
 * reveal).
 */
final class TierTable {
    static final int RATIO_PLACES = 2;

    private TierTable() {
    }

    record Built(EfficiencyReport.Tiers tiers, int hiddenGroups) {
    }

    static Built of(List<UsageTiers.PersonFigures> persons, EfficiencyReport.WithoutSpend withoutSpend,
                    ReportPrivacy privacy) {
        List<TierSums> sums = UsageTiers.of(persons);
        int ranked = (int) persons.stream().filter(person -> person.spendUsdMicros() > 0).count();
        Set<Tier> hidden = hidden(sums, ranked, privacy);
        List<EfficiencyReport.TierRow> rows = new ArrayList<>();
        for (TierSums tier : sums) {
            rows.add(new EfficiencyReport.TierRow(tier.tier().name(), tier.people(), hidden.contains(tier.tier()),
                    hidden.contains(tier.tier()) ? null : figures(tier)));
        }
        TierSums top = sums.get(Tier.D10.ordinal());
        TierSums median = sums.get(Tier.Q3.ordinal());
        EfficiencyReport.TopDecileVsMedian ratios = hidden.contains(Tier.D10) || hidden.contains(Tier.Q3)
                ? new EfficiencyReport.TopDecileVsMedian(null, null, null)
                : new EfficiencyReport.TopDecileVsMedian(
                        Fractions.ratioOfQuotients(top.tokens(), top.mergedPrs(), median.tokens(), median.mergedPrs(),
                                RATIO_PLACES),
                        Fractions.ratioOfQuotients(top.mergedPrs(), top.people(), median.mergedPrs(), median.people(),
                                RATIO_PLACES),
                        Fractions.ratioOfQuotients(top.spendUsdMicros(), top.mergedPrs(), median.spendUsdMicros(),
                                median.mergedPrs(), RATIO_PLACES));
        return new Built(new EfficiencyReport.Tiers(ranked, rows, ratios, withoutSpend), hidden.size());
    }

    static EfficiencyReport.TierFigures figures(TierSums tier) {
        return new EfficiencyReport.TierFigures(tier.spendUsdMicros(), tier.tokens(), tier.mergedPrs(),
                Fractions.perUnit(tier.spendUsdMicros(), tier.mergedPrs()),
                Fractions.perUnit(tier.tokens(), tier.mergedPrs()),
                Fractions.decimal(tier.mergedPrs(), tier.people(), RATIO_PLACES));
    }

    static Set<Tier> hidden(List<TierSums> sums, int ranked, ReportPrivacy privacy) {
        Set<Tier> hidden = EnumSet.noneOf(Tier.class);
        if (privacy.peopleVisible()) {
            return hidden;
        }
        List<TierSums> quintiles = sums.subList(0, Tier.D10.ordinal());
        privacy.hidden(quintiles, TierSums::people)
                .forEach(index -> hidden.add(quintiles.get(index).tier()));
        long topDecile = sums.get(Tier.D10.ordinal()).people();
        boolean small = topDecile > 0 && topDecile < privacy.minGroupSize();
        boolean splits = false;
        for (TierSums quintile : quintiles) {
            long inside = UsageTiers.topDecileIn(quintile.tier(), ranked);
            long outside = quintile.people() - inside;
            if (!hidden.contains(quintile.tier()) && inside > 0 && outside > 0
                    && outside < privacy.minGroupSize()) {
                splits = true;
            }
        }
        if (small || splits) {
            hidden.add(Tier.D10);
        }
        return hidden;
    }
}
