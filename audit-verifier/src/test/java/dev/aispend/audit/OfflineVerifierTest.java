package dev.aispend.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line end to end, on files written the way the ledger's API answers. */
class OfflineVerifierTest {

    private static final TestLedger LEDGER = new TestLedger(40, 11);

    @TempDir
    Path directory;
    private String output;
    private String errors;
    private Checkpoint third;
    private Checkpoint fifth;

    @BeforeEach
    void writeKeys() throws IOException {
        third = LEDGER.checkpoint(3, 25);
        fifth = LEDGER.checkpoint(5, 40);
        write("key.pem", CheckpointSigner.toPem(LEDGER.keyPair.getPublic()));
        Map<String, Object> keyJson = new LinkedHashMap<>();
        keyJson.put("algorithm", "Ed25519");
        keyJson.put("keyId", LEDGER.keyId);
        keyJson.put("publicKey", Base64.getEncoder().encodeToString(LEDGER.keyPair.getPublic().getEncoded()));
        keyJson.put("pem", CheckpointSigner.toPem(LEDGER.keyPair.getPublic()));
        write("key.json", Json.write(keyJson));
        write("cp.json", Json.write(third.toJson()));
    }

    @Test
    void verifiesASignedCheckpointWithAPemOrJsonKey() throws IOException {
        assertThat(run("checkpoint", "--checkpoint", path("cp.json"), "--public-key", path("key.pem"))).isZero();
        assertThat(output).startsWith("OK checkpoint 3 (tree size 25, root " + Hex.encode(third.merkleRoot()))
                .contains("signed by key " + LEDGER.keyId);
        assertThat(run("checkpoint", "--checkpoint", path("cp.json"), "--public-key", path("key.json"))).isZero();
    }

    @Test
    void failsATamperedCheckpointOrAnotherKey() throws IOException {
        write("tampered.json", Json.write(CheckpointSignerTest.withField(third, "treeSize", 24L).toJson()));
        assertThat(run("checkpoint", "--checkpoint", path("tampered.json"), "--public-key", path("key.pem")))
                .isEqualTo(1);
        assertThat(output).startsWith("FAIL checkpoint 3: the signature does not verify");

        write("other.pem", CheckpointSigner.toPem(TestLedger.seededKeyPair(12).getPublic()));
        assertThat(run("checkpoint", "--checkpoint", path("cp.json"), "--public-key", path("other.pem")))
                .isEqualTo(1);
        assertThat(output).startsWith("FAIL checkpoint 3 names key " + LEDGER.keyId);
    }

    @Test
    void failsAKeyJsonWhoseKeyIdIsNotItsKey() throws IOException {
        Map<String, Object> keyJson = JsonFields.object(Json.parse(Files.readString(directory.resolve("key.json"))),
                "key");
        keyJson.put("keyId", "0".repeat(64));
        write("lying-key.json", Json.write(keyJson));
        assertThat(run("checkpoint", "--checkpoint", path("cp.json"), "--public-key", path("lying-key.json")))
                .isEqualTo(1);
        assertThat(output).contains("is not the SHA-256 of its publicKey");
    }

    @Test
    void verifiesAnEntryIncludedInACheckpoint() throws IOException {
        for (int position : new int[] {1, 17, 25}) {
            write("proof.json", Json.write(inclusionProof(position, third)));
            assertThat(run("entry", "--proof", path("proof.json"), "--public-key", path("key.pem"))).isZero();
            assertThat(output).startsWith("OK entry " + position + " (entryHash ")
                    .contains("is included in checkpoint 3 (tree size 25");
        }
        assertThat(run("entry", "--proof", path("proof.json"), "--public-key", path("key.json"),
                "--checkpoint", path("cp.json"))).isZero();
        assertThat(output).contains("the one kept in");
    }

    @Test
    void failsAnEntryWhosePayloadOrPathWasAltered() throws IOException {
        Map<String, Object> proof = inclusionProof(17, third);
        Map<String, Object> entry = JsonFields.objectMember(proof, "entry");
        entry.put("payloadBase64", Base64.getEncoder().encodeToString("{\"team\":\"x\"}".getBytes()));
        write("altered-payload.json", Json.write(proof));
        assertThat(run("entry", "--proof", path("altered-payload.json"), "--public-key", path("key.pem")))
                .isEqualTo(1);
        assertThat(output).startsWith("FAIL position 17: entryHash ").contains("is not the hash of its fields");

        Map<String, Object> pathAltered = inclusionProof(17, third);
        @SuppressWarnings("unchecked")
        List<Object> auditPath = (List<Object>) pathAltered.get("auditPath");
        auditPath.set(0, Hex.encode(new byte[32]));
        write("altered-path.json", Json.write(pathAltered));
        assertThat(run("entry", "--proof", path("altered-path.json"), "--public-key", path("key.pem")))
                .isEqualTo(1);
        assertThat(output).startsWith("FAIL entry 17 is not included in checkpoint 3");
    }

    @Test
    void failsAnEntryProofAgainstADifferentKeptCheckpoint() throws IOException {
        write("proof.json", Json.write(inclusionProof(17, fifth)));
        assertThat(run("entry", "--proof", path("proof.json"), "--public-key", path("key.pem"),
                "--checkpoint", path("cp.json"))).isEqualTo(1);
        assertThat(output).startsWith("FAIL the proof's checkpoint 5");
    }

    @Test
    void verifiesConsistencyAndTheAuditorsKeptCheckpoint() throws IOException {
        write("consistency.json", Json.write(ConsistencyProof.create(third, fifth, LEDGER.leaves()).toJson()));
        assertThat(run("consistency", "--proof", path("consistency.json"), "--public-key", path("key.pem"),
                "--old", path("cp.json"))).isZero();
        assertThat(output).startsWith("OK checkpoint 5 (tree size 40").contains("extends checkpoint 3 (tree size 25");

        write("other-old.json", Json.write(LEDGER.checkpoint(2, 20).toJson()));
        assertThat(run("consistency", "--proof", path("consistency.json"), "--public-key", path("key.pem"),
                "--old", path("other-old.json"))).isEqualTo(1);
        assertThat(output).startsWith("FAIL the proof starts from checkpoint 3");
    }

    @Test
    void failsConsistencyWithARewrittenHistory() throws IOException {
        TestLedger rewritten = new TestLedger(40, 11);
        // Position 11 is covered by checkpoint 3: changing it afterwards cannot be consistent with that checkpoint.
        rewritten.entries.set(10, TestLedger.entry(11, new byte[32]));
        Checkpoint forged = rewritten.checkpoint(5, 40);
        List<byte[]> nodes = MerkleTree.consistencyProof(25, 40, rewritten.leaves());
        write("forged.json", Json.write(new ConsistencyProof(25, 40, nodes, third, forged).toJson()));
        assertThat(run("consistency", "--proof", path("forged.json"), "--public-key", path("key.pem")))
                .isEqualTo(1);
        assertThat(output).startsWith("FAIL checkpoint 5 (tree size 40").contains("does not extend checkpoint 3");
    }

    @Test
    void verifiesAChainAndRebuildsItsCheckpoint() throws IOException {
        write("entries.json", Json.write(envelopes(LEDGER.entries)));
        assertThat(run("chain", "--entries", path("entries.json"))).isZero();
        assertThat(output).startsWith("OK 40 entries, positions 1 to 40: every entry hash and link verifies");
        assertThat(run("chain", "--entries", path("entries.json"), "--checkpoint", path("cp.json"),
                "--public-key", path("key.pem"))).isZero();
        assertThat(output).contains("they reproduce checkpoint 3 (tree size 25");
    }

    @Test
    void namesTheFirstBadPositionOfAChain() throws IOException {
        List<Map<String, Object>> altered = envelopes(LEDGER.entries);
        altered.get(12).put("recordedAt", "2026-11-23T19:50:14.124Z");
        write("altered.json", Json.write(altered));
        assertThat(run("chain", "--entries", path("altered.json"))).isEqualTo(1);
        assertThat(output).startsWith("FAIL position 13: entryHash");

        List<Map<String, Object>> deleted = envelopes(LEDGER.entries);
        deleted.remove(20);
        write("deleted.json", Json.write(deleted));
        assertThat(run("chain", "--entries", path("deleted.json"))).isEqualTo(1);
        assertThat(output).startsWith("FAIL position 22 follows position 20");

        List<LedgerEntryFields> relinked = new ArrayList<>(LEDGER.entries);
        relinked.set(9, TestLedger.entry(10, new byte[32]));
        write("relinked.json", Json.write(envelopes(relinked)));
        assertThat(run("chain", "--entries", path("relinked.json"))).isEqualTo(1);
        assertThat(output).startsWith("FAIL position 10: previousHash");
    }

    @Test
    void refusesAWrongCommandLineWithExitCodeTwo() {
        assertThat(run()).isEqualTo(2);
        assertThat(run("audit")).isEqualTo(2);
        assertThat(errors).contains("unknown command 'audit'").contains("usage:");
        assertThat(run("checkpoint", "--checkpoint", path("cp.json"))).isEqualTo(2);
        assertThat(errors).contains("needs --public-key");
        assertThat(run("checkpoint", "--checkpoint")).isEqualTo(2);
        assertThat(run("checkpoint", "--proof", path("cp.json"), "--public-key", path("key.pem"))).isEqualTo(2);
        assertThat(run("checkpoint", "--checkpoint", path("missing.json"), "--public-key", path("key.pem")))
                .isEqualTo(2);
        assertThat(errors).contains("cannot read");
        assertThat(run("chain", "--entries", path("cp.json"), "--checkpoint", path("cp.json"))).isEqualTo(2);
        assertThat(run("--help")).isZero();
    }

    @Test
    void failsAFileThatIsNotJson() throws IOException {
        write("broken.json", "{\"checkpointNumber\": 3,");
        assertThat(run("checkpoint", "--checkpoint", path("broken.json"), "--public-key", path("key.pem")))
                .isEqualTo(1);
        assertThat(output).startsWith("FAIL " + path("broken.json") + " is not JSON");
    }

    private Map<String, Object> inclusionProof(int position, Checkpoint checkpoint) {
        return InclusionProof.create(LEDGER.entries.get(position - 1), checkpoint, LEDGER.leaves()).toJson();
    }

    private static List<Map<String, Object>> envelopes(List<LedgerEntryFields> entries) {
        List<Map<String, Object>> envelopes = new ArrayList<>();
        entries.forEach(entry -> envelopes.add(entry.toEnvelopeJson()));
        return envelopes;
    }

    private int run(String... arguments) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exitCode = OfflineVerifier.run(arguments, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        output = out.toString(StandardCharsets.UTF_8);
        errors = err.toString(StandardCharsets.UTF_8);
        if (exitCode != 2) {
            // Exactly one result line, whatever the outcome.
            assertThat(output.lines()).as(output).hasSize(exitCode == 0 && arguments[0].equals("--help") ? 7 : 1);
        }
        return exitCode;
    }

    private String path(String name) {
        return directory.resolve(name).toString();
    }

    private void write(String name, String content) throws IOException {
        Files.writeString(directory.resolve(name), content);
    }
}
