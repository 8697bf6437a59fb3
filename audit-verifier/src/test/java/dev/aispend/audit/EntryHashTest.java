package dev.aispend.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EntryHashTest {

    private static final byte[] PREVIOUS_HASH = sequence32();
    private static final long POSITION = 17;
    private static final String EVENT_ID = "0b8f3a5e-6c1d-4e2f-9a7b-3c4d5e6f7a8b";
    private static final String EVENT_TYPE = "SpendRecorded";
    private static final int SCHEMA_VERSION = 1;
    private static final String RECORDED_AT = "2026-11-23T19:50:01.123Z";
    // Non-ASCII on purpose: lengths are UTF-8 byte counts, not char counts.
    private static final byte[] PAYLOAD =
            "{\"team\":\"équipe-α\",\"amountMicros\":1250,\"occurredAt\":\"2026-11-23T19:50:00Z\"}"
                    .getBytes(StandardCharsets.UTF_8);
    /** Computed once with Python's hashlib and struct, independently of this module. */
    private static final String PINNED_HEX = "b8a613d74d6b29af93aeded14e58afff8ad4efb8beaf3e8534e10b52cc5c86fa";

    @Test
    void matchesTheSpecifiedByteLayoutBuiltIndependently() throws Exception {
        byte[] expected = MessageDigest.getInstance("SHA-256").digest(specifiedBytes());

        byte[] actual = EntryHash.of(PREVIOUS_HASH, POSITION, EVENT_ID, EVENT_TYPE, SCHEMA_VERSION, RECORDED_AT,
                PAYLOAD);

        assertThat(actual).containsExactly(expected);
        assertThat(Hex.encode(actual)).isEqualTo(PINNED_HEX);
    }

    @Test
    void changesWhenAnyHashedFieldChanges() {
        byte[] original = EntryHash.of(PREVIOUS_HASH, POSITION, EVENT_ID, EVENT_TYPE, SCHEMA_VERSION, RECORDED_AT,
                PAYLOAD);
        byte[] otherPrevious = PREVIOUS_HASH.clone();
        otherPrevious[31] ^= 1;
        byte[] otherPayload = PAYLOAD.clone();
        otherPayload[0] ^= 1;
        List<byte[]> variants = new ArrayList<>(List.of(
                EntryHash.of(otherPrevious, POSITION, EVENT_ID, EVENT_TYPE, SCHEMA_VERSION, RECORDED_AT, PAYLOAD),
                EntryHash.of(PREVIOUS_HASH, POSITION + 1, EVENT_ID, EVENT_TYPE, SCHEMA_VERSION, RECORDED_AT,
                        PAYLOAD),
                EntryHash.of(PREVIOUS_HASH, POSITION, EVENT_ID + "0", EVENT_TYPE, SCHEMA_VERSION, RECORDED_AT,
                        PAYLOAD),
                EntryHash.of(PREVIOUS_HASH, POSITION, EVENT_ID, "SpendRepriced", SCHEMA_VERSION, RECORDED_AT,
                        PAYLOAD),
                EntryHash.of(PREVIOUS_HASH, POSITION, EVENT_ID, EVENT_TYPE, 2, RECORDED_AT, PAYLOAD),
                EntryHash.of(PREVIOUS_HASH, POSITION, EVENT_ID, EVENT_TYPE, SCHEMA_VERSION,
                        "2026-11-23T19:50:01.120Z", PAYLOAD),
                EntryHash.of(PREVIOUS_HASH, POSITION, EVENT_ID, EVENT_TYPE, SCHEMA_VERSION, RECORDED_AT,
                        otherPayload)));
        for (byte[] variant : variants) {
            assertThat(variant).isNotEqualTo(original);
        }
    }

    @Test
    void lengthPrefixesKeepFieldBoundariesApart() {
        // Without the u32 lengths, moving a character from one string to the next would hash the same.
        byte[] split = EntryHash.of(PREVIOUS_HASH, POSITION, "ab", "c", 1, RECORDED_AT, PAYLOAD);
        byte[] moved = EntryHash.of(PREVIOUS_HASH, POSITION, "a", "bc", 1, RECORDED_AT, PAYLOAD);
        assertThat(split).isNotEqualTo(moved);
    }

    @Test
    void genesisIsThirtyTwoZeroBytes() {
        assertThat(EntryHash.GENESIS).hasSize(32).containsOnly(0);
        assertThat(EntryHash.isGenesis(new byte[32])).isTrue();
        assertThat(EntryHash.isGenesis(PREVIOUS_HASH)).isFalse();
    }

    @Test
    void refusesWhatTheSpecDoesNotDefine() {
        assertThatThrownBy(() -> EntryHash.of(new byte[31], 1, EVENT_ID, EVENT_TYPE, 1, RECORDED_AT, PAYLOAD))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EntryHash.of(PREVIOUS_HASH, 0, EVENT_ID, EVENT_TYPE, 1, RECORDED_AT, PAYLOAD))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EntryHash.of(PREVIOUS_HASH, 1, EVENT_ID, EVENT_TYPE, 0, RECORDED_AT, PAYLOAD))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EntryHash.of(PREVIOUS_HASH, 1, "\uD800", EVENT_TYPE, 1, RECORDED_AT, PAYLOAD))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EntryHash.of(PREVIOUS_HASH, 1, EVENT_ID, EVENT_TYPE, 1, RECORDED_AT, null))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void envelopeFieldsRecomputeTheirOwnHashAndSurviveJson() {
        LedgerEntryFields entry = TestLedger.entry(1, new byte[32]);

        LedgerEntryFields reread = LedgerEntryFields.fromEnvelopeJson(
                JsonFields.object(Json.parse(Json.write(entry.toEnvelopeJson())), "envelope"));

        assertThat(reread).isEqualTo(entry);
        assertThat(reread.computeEntryHash()).containsExactly(entry.entryHash());
    }

    private static byte[] specifiedBytes() {
        byte[] tag = "aispend-ledger-entry/1\n".getBytes(StandardCharsets.UTF_8);
        assertThat(tag).hasSize(23);
        byte[][] strings = {utf8(EVENT_ID), utf8(EVENT_TYPE), utf8("1"), utf8(RECORDED_AT)};
        int length = tag.length + 32 + 8 + 4 + PAYLOAD.length;
        for (byte[] string : strings) {
            length += 4 + string.length;
        }
        ByteBuffer buffer = ByteBuffer.allocate(length).put(tag).put(PREVIOUS_HASH).putLong(POSITION);
        for (byte[] string : strings) {
            buffer.putInt(string.length).put(string);
        }
        buffer.putInt(PAYLOAD.length).put(PAYLOAD);
        assertThat(buffer.hasRemaining()).isFalse();
        return buffer.array();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] sequence32() {
        byte[] bytes = new byte[32];
        for (int index = 0; index < bytes.length; index++) {
            bytes[index] = (byte) index;
        }
        return bytes;
    }
}
