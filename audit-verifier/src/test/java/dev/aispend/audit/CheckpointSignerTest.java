package dev.aispend.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CheckpointSignerTest {

    private static final TestLedger LEDGER = new TestLedger(20, 1);
    private static final Checkpoint CHECKPOINT = LEDGER.checkpoint(3, 17);

    @Test
    void aSignedCheckpointVerifiesWithItsKey() {
        assertThat(CheckpointSigner.verify(CHECKPOINT, LEDGER.keyPair.getPublic())).isTrue();
        assertThat(CHECKPOINT.keyId()).isEqualTo(LEDGER.keyId);
        assertThat(CHECKPOINT.signature()).hasSize(64);
    }

    @Test
    void signedBytesFollowTheSpecifiedLayout() {
        byte[] tag = "aispend-ledger-checkpoint/1\n".getBytes(StandardCharsets.UTF_8);
        byte[] issuedAt = CHECKPOINT.issuedAt().getBytes(StandardCharsets.UTF_8);
        byte[] expected = ByteBuffer.allocate(28 + 8 + 8 + 32 + 32 + 4 + issuedAt.length)
                .put(tag).putLong(3).putLong(17).put(CHECKPOINT.chainHeadHash()).put(CHECKPOINT.merkleRoot())
                .putInt(issuedAt.length).put(issuedAt).array();
        assertThat(tag).hasSize(28);
        assertThat(CHECKPOINT.signedBytes()).containsExactly(expected);
    }

    @Test
    void oneBitChangedInAnyFieldFailsVerification() {
        Checkpoint original = CHECKPOINT;
        List<Checkpoint> tampered = List.of(
                withField(original, "checkpointNumber", original.checkpointNumber() ^ 1),
                withField(original, "treeSize", original.treeSize() ^ 1),
                withField(original, "chainHeadHash", Hex.encode(flipped(original.chainHeadHash(), 9))),
                withField(original, "merkleRoot", Hex.encode(flipped(original.merkleRoot(), 200))),
                withField(original, "issuedAt", flippedText(original.issuedAt())),
                withField(original, "keyId", flippedText(original.keyId())),
                withField(original, "signature",
                        Base64.getEncoder().encodeToString(flipped(original.signature(), 100))));
        for (Checkpoint checkpoint : tampered) {
            assertThat(CheckpointSigner.verify(checkpoint, LEDGER.keyPair.getPublic())).as(checkpoint.toString())
                    .isFalse();
        }
    }

    @Test
    void anotherKeyDoesNotVerify() {
        KeyPair other = TestLedger.seededKeyPair(2);
        assertThat(CheckpointSigner.verify(CHECKPOINT, other.getPublic())).isFalse();
        Checkpoint claimingTheOtherKey = withField(CHECKPOINT, "keyId", CheckpointSigner.keyIdOf(other.getPublic()));
        assertThat(CheckpointSigner.verify(claimingTheOtherKey, other.getPublic())).isFalse();
    }

    @Test
    void keyIdIsTheHexSha256OfTheX509Encoding() {
        byte[] encoded = LEDGER.keyPair.getPublic().getEncoded();
        assertThat(LEDGER.keyId).isEqualTo(Hex.encode(Sha256.digest(encoded))).hasSize(64);
    }

    @Test
    void keysSurviveBase64DerAndPem() {
        KeyPair keys = LEDGER.keyPair;
        String publicBase64 = Base64.getEncoder().encodeToString(keys.getPublic().getEncoded());
        String privateBase64 = Base64.getEncoder().encodeToString(keys.getPrivate().getEncoded());
        assertThat(CheckpointSigner.publicKeyFromBase64Der(publicBase64)).isEqualTo(keys.getPublic());
        assertThat(CheckpointSigner.publicKeyFromPem(CheckpointSigner.toPem(keys.getPublic())))
                .isEqualTo(keys.getPublic());
        assertThat(CheckpointSigner.toPem(keys.getPublic())).startsWith("-----BEGIN PUBLIC KEY-----\n");
        Checkpoint signedWithReadKey = CheckpointSigner.sign(CheckpointSigner.privateKeyFromBase64Der(privateBase64),
                LEDGER.keyId, 3, 17, CHECKPOINT.chainHeadHash(), CHECKPOINT.merkleRoot(), CHECKPOINT.issuedAt());
        Checkpoint signedWithPemKey = CheckpointSigner.sign(
                CheckpointSigner.privateKeyFromPem(CheckpointSigner.toPem(keys.getPrivate())),
                LEDGER.keyId, 3, 17, CHECKPOINT.chainHeadHash(), CHECKPOINT.merkleRoot(), CHECKPOINT.issuedAt());
        // Ed25519 is deterministic: the same key signs the same bytes identically.
        assertThat(signedWithReadKey).isEqualTo(CHECKPOINT);
        assertThat(signedWithPemKey).isEqualTo(CHECKPOINT);
    }

    @Test
    void refusesWhatIsNotAnEd25519Key() {
        String privatePem = CheckpointSigner.toPem(LEDGER.keyPair.getPrivate());
        assertThatThrownBy(() -> CheckpointSigner.publicKeyFromPem(privatePem))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CheckpointSigner.publicKeyFromBase64Der("AAAA"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CheckpointSigner.publicKeyFromBase64Der("not base64!"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void survivesItsJsonForm() {
        Map<String, Object> json = JsonFields.object(Json.parse(Json.write(CHECKPOINT.toJson())), "checkpoint");
        assertThat(Checkpoint.fromJson(json)).isEqualTo(CHECKPOINT);
        assertThat(json.keySet()).containsExactly("checkpointNumber", "treeSize", "chainHeadHash", "merkleRoot",
                "issuedAt", "keyId", "signature");
    }

    @Test
    void refusesMalformedCheckpoints() {
        assertThatThrownBy(() -> withField(CHECKPOINT, "signature", "AAAA"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> withField(CHECKPOINT, "keyId", "AB"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> withField(CHECKPOINT, "checkpointNumber", 0L))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> withField(CHECKPOINT, "treeSize", -1L))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** The checkpoint with one exported field replaced, as a tamperer would edit the JSON. */
    static Checkpoint withField(Checkpoint checkpoint, String field, Object value) {
        Map<String, Object> json = checkpoint.toJson();
        json.put(field, value);
        return Checkpoint.fromJson(json);
    }

    static byte[] flipped(byte[] bytes, int bit) {
        byte[] copy = bytes.clone();
        copy[bit / 8] ^= (byte) (1 << (bit % 8));
        return copy;
    }

    /** Flips the lowest bit of the last character: '3' becomes '2', 'Z' becomes '[', 'a' becomes '`'. */
    private static String flippedText(String text) {
        char last = text.charAt(text.length() - 1);
        char changed = (char) (last ^ 1);
        // keyId must stay hex to be read at all: 'a' to '`' is not, so flip within the hex digits instead.
        if (Character.digit(last, 16) >= 0 && !Character.isDigit(changed) && (changed < 'a' || changed > 'f')) {
            changed = last == 'a' ? 'b' : 'a';
        }
        return text.substring(0, text.length() - 1) + changed;
    }
}
