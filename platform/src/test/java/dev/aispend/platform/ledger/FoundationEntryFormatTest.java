package dev.aispend.platform.ledger;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class FoundationEntryFormatTest {
    /** A ledger.v1 message exactly as the foundation's relay published it (LedgerEntry, before sealing). */
    private static final String FOUNDATION_MESSAGE = "{\"ledgerPosition\":1,\"eventId\":\"0b5c2a1e\","
            + "\"eventType\":\"UsageRecorded\",\"eventSchemaVersion\":1,\"recordedAt\":\"2026-11-22T10:15:31.123Z\","
            + "\"usageRecorded\":{\"usageRecordId\":\"req-001\",\"occurredAt\":\"2026-11-22T10:15:30Z\","
            + "\"source\":\"api\",\"team\":\"platform\",\"personRef\":\"prs_01\",\"model\":\"claude-sonnet-4-5\","
            + "\"tokens\":{\"inputTokens\":1200,\"outputTokens\":340,\"cacheReadTokens\":0,"
            + "\"cacheWrite5mTokens\":0,\"cacheWrite1hTokens\":0,\"reasoningTokens\":0}}}";

    @Test
    void recognises_a_message_the_foundation_published_as_superseded() {
        assertThat(LedgerFollower.isFoundationEntry(FOUNDATION_MESSAGE.getBytes(StandardCharsets.UTF_8))).isTrue();
    }

    @Test
    void never_takes_a_sealed_envelope_or_garbage_for_one() {
        String sealed = "{\"position\":1,\"eventId\":\"e\",\"eventType\":\"SpendRecorded\",\"schemaVersion\":1,"
                + "\"recordedAt\":\"2026-11-22T10:15:31.123Z\",\"previousHash\":\"00\",\"entryHash\":\"00\","
                + "\"payloadBase64\":\"e30=\"}";
        assertThat(LedgerFollower.isFoundationEntry(sealed.getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(LedgerFollower.isFoundationEntry("{\"ledgerPosition\":1,\"payloadBase64\":\"x\"}"
                .getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(LedgerFollower.isFoundationEntry("not json".getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(LedgerFollower.isFoundationEntry(null)).isFalse();
    }
}
