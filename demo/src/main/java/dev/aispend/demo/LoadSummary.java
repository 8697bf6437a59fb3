package dev.aispend.demo;

import java.time.Duration;

/**
 * What a load did: records, people, teams, deliveries accepted and repeated (a second load of the same month is all
 * repeats: nothing doubles), the ledger position the reports reached, and how long it took.
 */
public record LoadSummary(long spendRecords, long mergedPullRequests, int people, int teams, long deliveries,
                          long accepted, long repeated, long ledgerHead, Duration elapsed) {

    @Override
    public String toString() {
        return String.format("demo month loaded: %,d usage records, %,d merged PRs, %d people in %d teams; "
                        + "%,d deliveries (%,d accepted, %,d repeats), reports at ledger position %,d, %.1f s",
                spendRecords, mergedPullRequests, people, teams, deliveries, accepted, repeated, ledgerHead,
                elapsed.toMillis() / 1000.0);
    }
}
