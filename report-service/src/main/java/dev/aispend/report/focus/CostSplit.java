package dev.aispend.report.focus;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Splits an integer amount of USD micros into parts that sum to it exactly: the largest remainder method (Hamilton).
 * Each part first gets the floor of its exact proportional share; the micros left over (fewer than the number of
 * parts) go one each to the parts with the largest remainders, ties to the earlier part, so the result depends on
 * nothing but the inputs. Integer arithmetic throughout (weights are products of tokens and prices, which can
 * exceed a long, so BigInteger); a negative amount is split by its magnitude and every part negated.
 */
final class CostSplit {
    private CostSplit() {
    }

    /** Whether {@link #byWeights} can split {@code total} over {@code weights}. */
    static boolean splittable(long total, BigInteger[] weights) {
        BigInteger sum = BigInteger.ZERO;
        for (BigInteger weight : weights) {
            if (weight.signum() < 0) {
                return false;
            }
            sum = sum.add(weight);
        }
        return total == 0 || sum.signum() > 0;
    }

    /**
     * {@code total} in parts proportional to {@code weights}, summing to {@code total} exactly. A part whose
     * weight is 0 gets 0. Throws IllegalArgumentException when not {@link #splittable}.
     */
    static long[] byWeights(long total, BigInteger[] weights) {
        if (!splittable(total, weights)) {
            throw new IllegalArgumentException("cannot split " + total + " over weights " + Arrays.toString(weights));
        }
        long[] parts = new long[weights.length];
        if (total == 0) {
            return parts;
        }
        BigInteger sum = Arrays.stream(weights).reduce(BigInteger.ZERO, BigInteger::add);
        BigInteger magnitude = BigInteger.valueOf(total).abs();
        BigInteger[] remainders = new BigInteger[weights.length];
        BigInteger assigned = BigInteger.ZERO;
        for (int index = 0; index < weights.length; index++) {
            BigInteger[] quotientAndRemainder = magnitude.multiply(weights[index]).divideAndRemainder(sum);
            parts[index] = quotientAndRemainder[0].longValueExact();
            remainders[index] = quotientAndRemainder[1];
            assigned = assigned.add(quotientAndRemainder[0]);
        }
        int leftOver = magnitude.subtract(assigned).intValueExact(); // less than weights.length
        int[] byRemainder = IntStream.range(0, weights.length).boxed()
                .sorted(Comparator.<Integer, BigInteger>comparing(index -> remainders[index]).reversed()
                        .thenComparing(Comparator.naturalOrder()))
                .mapToInt(Integer::intValue).toArray();
        for (int rank = 0; rank < leftOver; rank++) {
            parts[byRemainder[rank]]++;
        }
        if (total < 0) {
            for (int index = 0; index < parts.length; index++) {
                parts[index] = -parts[index];
            }
        }
        return parts;
    }

    /** {@code total} entirely on part {@code index} of {@code size}. */
    static long[] allOn(long total, int index, int size) {
        long[] parts = new long[size];
        parts[index] = total;
        return parts;
    }
}
