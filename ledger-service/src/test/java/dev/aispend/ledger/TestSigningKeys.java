package dev.aispend.ledger;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.util.Base64;

/** Ed25519 key pairs for tests, as the ledger's settings hold them (base64 DER), from a seed so runs repeat. */
public record TestSigningKeys(String privateKey, String publicKey) {

    public static TestSigningKeys fromSeed(long seed) {
        try {
            SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
            random.setSeed(seed);
            KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
            generator.initialize(255, random);
            KeyPair pair = generator.generateKeyPair();
            return new TestSigningKeys(base64(pair.getPrivate().getEncoded()), base64(pair.getPublic().getEncoded()));
        } catch (GeneralSecurityException unavailable) {
            throw new IllegalStateException("Ed25519 is built into every JDK since 15", unavailable);
        }
    }

    private static String base64(byte[] der) {
        return Base64.getEncoder().encodeToString(der);
    }
}
