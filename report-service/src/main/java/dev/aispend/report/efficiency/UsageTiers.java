package dev.aispend.report.efficiency;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Usage tiers of one period (docs/reports-efficiency.md): the people with spend above zero, ranked by their spend
 * ascending (ties by person ref), rank r of n counted from 0. Quintile Q(floor(5r/n)+1), so Q1 is the lowest
 * fifth and Q5 the highest; the top decile D10 is the ceil(n/10) people of the highest ranks (so it overlaps
 * Q5). People without spend are in no tier. Only sums leave this class: never a person, never a rank.
 */
public final class UsageTiers {
    private UsageTiers() {
    }

    public enum Tier { Q1, Q2, Q3, Q4, Q5, D10 }

    /** One person's figures in the period: spend (USD micros), tokens of every type, merged PRs. */
    public record PersonFigures(String personRef, long spendUsdMicros, long tokens, long mergedPrs) {
    }

    /** What the people of one tier add up to. */
    public record TierSums(Tier tier, long people, long spendUsdMicros, long tokens, long mergedPrs) {
        TierSums plus(PersonFigures person) {
            return new TierSums(tier, people + 1, Math.addExact(spendUsdMicros, person.spendUsdMicros()),
                    Math.addExact(tokens, person.tokens()), Math.addExact(mergedPrs, person.mergedPrs()));
        }
    }

    /** The six tiers, in the order Q1..Q5, D10, each present (with zeros when nobody is in it). */
    public static List<TierSums> of(Collection<PersonFigures> people) {
        List<PersonFigures> ranked = people.stream().filter(person -> person.spendUsdMicros() > 0)
                .sorted(Comparator.comparingLong(PersonFigures::spendUsdMicros)
                        .thenComparing(PersonFigures::personRef))
                .toList();
        Map<Tier, TierSums> sums = new EnumMap<>(Tier.class);
        for (Tier tier : Tier.values()) {
            sums.put(tier, new TierSums(tier, 0, 0, 0, 0));
        }
        int n = ranked.size();
        int firstOfTopDecile = n - topDecileSize(n);
        for (int rank = 0; rank < n; rank++) {
            PersonFigures person = ranked.get(rank);
            sums.computeIfPresent(quintile(rank, n), (tier, sum) -> sum.plus(person));
            if (rank >= firstOfTopDecile) {
                sums.computeIfPresent(Tier.D10, (tier, sum) -> sum.plus(person));
            }
        }
        return new ArrayList<>(sums.values());
    }

    /** The quintile of rank {@code rank} (0-based, ascending spend) among {@code n}: floor(5r/n)+1. */
    static Tier quintile(int rank, int n) {
        if (rank < 0 || rank >= n) {
            throw new IllegalArgumentException("rank " + rank + " is not one of " + n);
        }
        return Tier.values()[(int) (5L * rank / n)];
    }

    /** How many of the top decile of {@code n} ranked people are in {@code quintile}. */
    static long topDecileIn(Tier quintile, int n) {
        long inside = 0;
        for (int rank = n - topDecileSize(n); rank < n; rank++) {
            if (quintile(rank, n) == quintile) {
                inside++;
            }
        }
        return inside;
    }

    /** How many people the top decile holds: ceil(n/10), so one person as soon as anybody spent. */
    static int topDecileSize(int n) {
        return (n + 9) / 10;
    }
}
