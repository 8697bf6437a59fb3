package dev.aispend.ledger.seal;

import dev.aispend.platform.secrets.Redacted;
import dev.aispend.platform.secrets.Secret;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

import java.time.Duration;
import java.util.List;

/**
 * Signed checkpoints and verification ({@code ledger.seal.*}, each with an environment variable).
 *
 * @param checkpointEveryEntries a checkpoint once this many entries were appended since the last one
 * @param checkpointEvery        or once this much time passed with any entry appended since the last one
 * @param keyFile                a PEM file holding the Ed25519 "PRIVATE KEY" (PKCS#8) and "PUBLIC KEY" (X.509)
 * @param privateKey             or the private key as base64 PKCS#8 DER (with {@code publicKey})
 * @param publicKey              and the public key as base64 X.509 DER
 * @param verifyMaxEntries       the most entries one verification request may cover
 * @param previousPublicKeys     public keys (base64 X.509 DER) the ledger signed with before a key rotation
 */
@ConfigurationProperties("ledger.seal")
public record SealConfiguration(long checkpointEveryEntries, Duration checkpointEvery, @Nullable String keyFile,
                                @Secret @Nullable String privateKey, @Nullable String publicKey, long verifyMaxEntries,
                                @Nullable List<String> previousPublicKeys) {

    public SealConfiguration {
        if (checkpointEveryEntries < 1) {
            throw new IllegalArgumentException("ledger.seal.checkpoint-every-entries must be at least 1");
        }
        if (checkpointEvery == null || checkpointEvery.isNegative() || checkpointEvery.isZero()) {
            throw new IllegalArgumentException("ledger.seal.checkpoint-every must be a positive duration");
        }
        previousPublicKeys = previousPublicKeys == null ? List.of()
                : previousPublicKeys.stream().filter(key -> !key.isBlank()).toList();
        if (verifyMaxEntries < 1) {
            throw new IllegalArgumentException("ledger.seal.verify-max-entries must be at least 1");
        }
    }

    /** Micronaut logs the beans it creates (at DEBUG): the private key must not be among what it writes. */
    @Override
    public String toString() {
        return Redacted.toString(this);
    }
}
