package dev.aispend.audit;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Objects;

/**
 * Signs and verifies checkpoints with Ed25519 (RFC 8032) as the JDK provides it (since Java 15), and reads the
 * keys: public keys as X.509 SubjectPublicKeyInfo DER, private keys as PKCS#8 DER, each as base64 or PEM.
 */
public final class CheckpointSigner {

    static final String ALGORITHM = "Ed25519";
    private static final String PUBLIC_PEM_LABEL = "PUBLIC KEY";
    private static final String PRIVATE_PEM_LABEL = "PRIVATE KEY";

    private CheckpointSigner() {
    }

    public static KeyPair generateKeyPair() {
        try {
            return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        } catch (NoSuchAlgorithmException impossible) {
            throw missingEd25519(impossible);
        }
    }

    /** Signs the checkpoint of these fields; {@code keyId} must be {@link #keyIdOf} the matching public key. */
    public static Checkpoint sign(PrivateKey privateKey, String keyId, long checkpointNumber, long treeSize,
                                  byte[] chainHeadHash, byte[] merkleRoot, String issuedAt) {
        Objects.requireNonNull(privateKey, "privateKey");
        byte[] signedBytes = Checkpoint.signedBytes(checkpointNumber, treeSize, chainHeadHash, merkleRoot, issuedAt);
        try {
            Signature signer = Signature.getInstance(ALGORITHM);
            signer.initSign(privateKey);
            signer.update(signedBytes);
            byte[] signature = signer.sign();
            assert signature.length == Checkpoint.SIGNATURE_LENGTH;
            return new Checkpoint(checkpointNumber, treeSize, chainHeadHash, merkleRoot, issuedAt, keyId, signature);
        } catch (InvalidKeyException notEd25519) {
            throw new IllegalArgumentException("not an Ed25519 private key", notEd25519);
        } catch (SignatureException | NoSuchAlgorithmException impossible) {
            throw missingEd25519(impossible);
        }
    }

    /**
     * Whether {@code checkpoint} names {@code publicKey} by its keyId and carries its valid signature. A
     * signature that does not even decode is invalid, not an error.
     */
    public static boolean verify(Checkpoint checkpoint, PublicKey publicKey) {
        Objects.requireNonNull(checkpoint, "checkpoint");
        Objects.requireNonNull(publicKey, "publicKey");
        if (!checkpoint.keyId().equals(keyIdOf(publicKey))) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(publicKey);
            verifier.update(checkpoint.signedBytes());
            return verifier.verify(checkpoint.signature());
        } catch (SignatureException malformedSignature) {
            return false;
        } catch (InvalidKeyException notEd25519) {
            throw new IllegalArgumentException("not an Ed25519 public key", notEd25519);
        } catch (NoSuchAlgorithmException impossible) {
            throw missingEd25519(impossible);
        }
    }

    /** Lower-case hex SHA-256 of the key's X.509 SubjectPublicKeyInfo DER. */
    public static String keyIdOf(PublicKey publicKey) {
        byte[] encoded = Objects.requireNonNull(publicKey, "publicKey").getEncoded();
        if (encoded == null || !"X.509".equals(publicKey.getFormat())) {
            throw new IllegalArgumentException("the public key has no X.509 encoding");
        }
        return Hex.encode(Sha256.digest(encoded));
    }

    public static PublicKey publicKeyFromBase64Der(String base64) {
        return publicKeyFromDer(decodeBase64(base64));
    }

    public static PublicKey publicKeyFromPem(String pem) {
        return publicKeyFromDer(Pem.decode(pem, PUBLIC_PEM_LABEL));
    }

    public static PrivateKey privateKeyFromBase64Der(String base64) {
        return privateKeyFromDer(decodeBase64(base64));
    }

    public static PrivateKey privateKeyFromPem(String pem) {
        return privateKeyFromDer(Pem.decode(pem, PRIVATE_PEM_LABEL));
    }

    public static String toPem(PublicKey publicKey) {
        return Pem.encode(publicKey.getEncoded(), PUBLIC_PEM_LABEL);
    }

    public static String toPem(PrivateKey privateKey) {
        return Pem.encode(privateKey.getEncoded(), PRIVATE_PEM_LABEL);
    }

    private static PublicKey publicKeyFromDer(byte[] der) {
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(der));
        } catch (InvalidKeySpecException notEd25519) {
            throw new IllegalArgumentException("not an X.509 DER Ed25519 public key", notEd25519);
        } catch (NoSuchAlgorithmException impossible) {
            throw missingEd25519(impossible);
        }
    }

    private static PrivateKey privateKeyFromDer(byte[] der) {
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (InvalidKeySpecException notEd25519) {
            throw new IllegalArgumentException("not a PKCS#8 DER Ed25519 private key", notEd25519);
        } catch (NoSuchAlgorithmException impossible) {
            throw missingEd25519(impossible);
        }
    }

    private static byte[] decodeBase64(String base64) {
        try {
            return Base64.getDecoder().decode(Objects.requireNonNull(base64, "base64").strip());
        } catch (IllegalArgumentException notBase64) {
            throw new IllegalArgumentException("not base64: " + notBase64.getMessage(), notBase64);
        }
    }

    private static IllegalStateException missingEd25519(GeneralSecurityException cause) {
        return new IllegalStateException("this JDK cannot do Ed25519 (Java 15 or later is required)", cause);
    }
}
