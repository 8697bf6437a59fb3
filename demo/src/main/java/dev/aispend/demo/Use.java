package dev.aispend.demo;

import java.time.Instant;

/**
 * One unit of usage as its client reports it: for Claude Code one session-hour of metric deltas (an
 * OpenTelemetry Collector's interval processor in front of ingest turns the 60-second exports into one delta per
 * hour), for the gateway one call, for the internal tools one conversation or notebook run.
 *
 * @param id           deterministic; the idempotency key of the JSON API records and the LiteLLM call id
 * @param start        when it began (a Claude Code delta's start time)
 * @param end          when it was reported: the record's occurredAt
 * @param sessionStart whether this is the first hour of its Claude Code session (the session count point)
 */
public record Use(String id, Person person, Instant start, Instant end, String provider, String model,
                  String purpose, String sessionId, Tokens tokens, boolean sessionStart) {

    /** The usage records ingest counts as spend for this use: one per nonzero token type for Claude Code metrics. */
    public int spendRecords() {
        if (person.client() != Client.CLAUDE_CODE) {
            return 1;
        }
        return (tokens.input() > 0 ? 1 : 0) + (tokens.output() > 0 ? 1 : 0) + (tokens.cacheRead() > 0 ? 1 : 0)
                + (tokens.cacheWrite5m() > 0 ? 1 : 0);
    }
}
