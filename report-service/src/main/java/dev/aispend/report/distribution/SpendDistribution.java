package dev.aispend.report.distribution;


import dev.aispend.report.query.Fractions;
import java.util.Arrays;
import java.util.Collection;

/**
 * How one month's spend is spread over the people who spent (docs/reports-efficiency.md, distribution): over the
 * n people with spend above zero, sorted ascending,
 * <ul>
 * <li>the median: the middle value, or for an even n the mean of the two middle values rounded half up to a
 *     micro;</li>
 * <li>p90 by nearest rank: the ceil(0.9·n)-th smallest value, always one person's actual spend;</li>
 * <li>concentration: the share of the month's spend (of those n people) of the top ceil(n/100) and top
 *     ceil(n/10) people, a fraction with 4 places rounded half up.</li>
 * </ul>
 */
public final class SpendDistribution {
    static final int SHARE_PLACES = 4;

    private SpendDistribution() {
    }

    /** The top {@code people} spenders and their share of the total ("0.4213"). */
    public record Concentration(int people, String share) {
    }

    public record Summary(int people, long spendUsdMicros, long medianUsdMicros, long p90UsdMicros,
                          Concentration top1Percent, Concentration top10Percent) {
    }

    /** The summary of the values above zero, or null when there are none. */
    public static Summary of(Collection<Long> spends) {
        long[] sorted = spends.stream().mapToLong(Long::longValue).filter(spend -> spend > 0).sorted().toArray();
        if (sorted.length == 0) {
            return null;
        }
        long total = 0;
        for (long spend : sorted) {
            total = Math.addExact(total, spend);
        }
        return new Summary(sorted.length, total, median(sorted), nearestRank(sorted, 90),
                top(sorted, total, ceilDiv(sorted.length, 100)), top(sorted, total, ceilDiv(sorted.length, 10)));
    }

    static long median(long[] sorted) {
        int n = sorted.length;
        if (n % 2 == 1) {
            return sorted[n / 2];
        }
        return Fractions.meanOfTwo(sorted[n / 2 - 1], sorted[n / 2]);
    }

    /** The ceil(percent·n/100)-th smallest value (1-based), the nearest-rank percentile. */
    static long nearestRank(long[] sorted, int percent) {
        int rank = ceilDiv(percent * sorted.length, 100);
        return sorted[Math.max(rank, 1) - 1];
    }

    private static Concentration top(long[] sorted, long total, int people) {
        long sum = Arrays.stream(sorted, sorted.length - people, sorted.length).reduce(0, Math::addExact);
        return new Concentration(people, Fractions.decimal(sum, total, SHARE_PLACES));
    }

    private static int ceilDiv(int numerator, int denominator) {
        return Math.floorDiv(numerator + denominator - 1, denominator);
    }
}
