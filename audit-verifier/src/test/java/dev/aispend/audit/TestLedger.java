package dev.aispend.audit;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.spec.NamedParameterSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A small, deterministic ledger for tests: chained entries, their tree, and checkpoints signed by a seeded key. */
final class TestLedger {

    static final Instant START = Instant.parse("2026-11-23T19:50:01.123Z");

    final List<LedgerEntryFields> entries = new ArrayList<>();
    final KeyPair keyPair;
    final String keyId;

    TestLedger(int entryCount, long keySeed) {
        keyPair = seededKeyPair(keySeed);
        keyId = CheckpointSigner.keyIdOf(keyPair.getPublic());
        byte[] previousHash = new byte[32];
        for (long position = 1; position <= entryCount; position++) {
            LedgerEntryFields entry = entry(position, previousHash);
            entries.add(entry);
            previousHash = entry.entryHash();
        }
    }

    static LedgerEntryFields entry(long position, byte[] previousHash) {
        String eventId = new UUID(0x0b8f3a5e6c1d4e2fL, position).toString();
        String recordedAt = START.plusMillis(position * 1000).toString();
        String occurredAt = START.plusMillis(position * 1000 - 250).toString();
        byte[] payload = ("{\"team\":\"team-" + position % 3 + "\",\"amountMicros\":" + position * 1250
                + ",\"occurredAt\":\"" + occurredAt + "\"}").getBytes(StandardCharsets.UTF_8);
        byte[] entryHash = EntryHash.of(previousHash, position, eventId, "SpendRecorded", 1, recordedAt, payload);
        return new LedgerEntryFields(position, eventId, "SpendRecorded", 1, recordedAt, occurredAt, previousHash,
                entryHash, payload);
    }

    /** Ed25519 keys from a seeded generator: tests never depend on unseeded randomness. */
    static KeyPair seededKeyPair(long seed) {
        try {
            SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
            random.setSeed(ByteBuffer.allocate(8).putLong(seed).array());
            KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
            generator.initialize(NamedParameterSpec.ED25519, random);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException | java.security.InvalidAlgorithmParameterException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** Entry hashes i = SHA-256(i64(i)), the leaves the Python reference computed the pinned roots over. */
    static List<byte[]> numberedEntryHashes(int count) {
        List<byte[]> hashes = new ArrayList<>(count);
        for (long index = 0; index < count; index++) {
            hashes.add(Sha256.digest(ByteBuffer.allocate(8).putLong(index).array()));
        }
        return hashes;
    }

    List<byte[]> entryHashes(int treeSize) {
        return entries.subList(0, treeSize).stream().map(LedgerEntryFields::entryHash).toList();
    }

    InMemoryLeaves leaves() {
        return new InMemoryLeaves(entryHashes(entries.size()));
    }

    Checkpoint checkpoint(long checkpointNumber, int treeSize) {
        byte[] chainHead = treeSize == 0 ? new byte[32] : entries.get(treeSize - 1).entryHash();
        byte[] root = new InMemoryLeaves(entryHashes(treeSize)).root();
        String issuedAt = START.plusSeconds(3600 * checkpointNumber).toString();
        return CheckpointSigner.sign(keyPair.getPrivate(), keyId, checkpointNumber, treeSize, chainHead, root,
                issuedAt);
    }
}
