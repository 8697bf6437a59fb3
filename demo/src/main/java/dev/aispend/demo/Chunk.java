package dev.aispend.demo;

import java.time.Instant;
import java.util.List;

/**
 * The deliveries of one slice of the period, {@code [from, to)}: an ISO week, cut where a month begins. The
 * gamification evaluator judges a week or a month once the ledger's latest time of use passes its end, so each
 * chunk is recorded before the next is sent (docs/gamification.md, "Time").
 *
 * @param spendRecords       usage records ingest counts as spend in this chunk
 * @param mergedPullRequests merges in this chunk
 */
public record Chunk(Instant from, Instant to, List<Delivery> deliveries, long spendRecords, long mergedPullRequests) {
}
