package dev.aispend.platform.secrets;

import org.junit.jupiter.api.Test;

import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/** The repository scan finds keys as they would be committed, and passes the code and documents that only name them. */
class PrivateKeyPatternsTest {

    @Test
    void finds_a_pem_private_key_of_any_kind() throws Exception {
        String body = Base64.getMimeEncoder().encodeToString(generated("Ed25519", 255).getEncoded());

        assertThat(PrivateKeyPatterns.firstKindIn(pem("PRIVATE KEY", body))).contains("PEM private key");
        assertThat(PrivateKeyPatterns.firstKindIn(pem("EC PRIVATE KEY", "MHcCAQEEIBq0yq3iD3rB5mQ9kR7hJ2nX")))
                .contains("PEM private key");
        assertThat(PrivateKeyPatterns.firstKindIn(pem("OPENSSH PRIVATE KEY", "b3BlbnNzaC1rZXktdjEAAAAABG5v")))
                .contains("PEM private key");
    }

    @Test
    void finds_a_pem_private_key_written_into_source_code() {
        String source = "String key = \"-----BEGIN " + "PRIVATE KEY-----\\n\"\n    + \"b3BlbnNzaC1rZXktdjEAAAAA\";";

        assertThat(PrivateKeyPatterns.firstKindIn(source)).contains("PEM private key");
    }

    @Test
    void passes_code_that_writes_a_pem_header_and_a_document_that_names_one() {
        String writer = "return \"-----BEGIN " + "PRIVATE KEY-----\\n\" + lines.encodeToString(key.getEncoded())";
        String document = "a PEM file with a -----BEGIN " + "PRIVATE KEY----- block and a public key block";

        assertThat(PrivateKeyPatterns.firstKindIn(writer)).isEmpty();
        assertThat(PrivateKeyPatterns.firstKindIn(document)).isEmpty();
    }

    @Test
    void finds_a_jwk_with_its_private_part_and_passes_a_public_one() {
        String publicJwk = "{\"kty\":\"OKP\",\"crv\":\"Ed25519\","
                + "\"x\":\"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo\"}";
        String privateJwk = publicJwk.replace("}", ","
                // Split, so this file does not hold a private JWK itself.
                + "\"d" + "\": \"nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A\"}");

        assertThat(PrivateKeyPatterns.firstKindIn(privateJwk)).contains("JWK with a private part (\"d\")");
        assertThat(PrivateKeyPatterns.firstKindIn(privateJwk.replace("\"", "\\\""))).isPresent();
        assertThat(PrivateKeyPatterns.firstKindIn(publicJwk)).isEmpty();
    }

    @Test
    void finds_base64_der_private_keys_as_a_setting_holds_them() throws Exception {
        assertThat(PrivateKeyPatterns.firstKindIn("private-key: " + base64(generated("Ed25519", 255))))
                .contains("base64 Ed25519 private key (PKCS#8)");
        assertThat(PrivateKeyPatterns.firstKindIn("key=" + base64(generated("EC", 256))))
                .contains("base64 EC private key (PKCS#8)");
        assertThat(PrivateKeyPatterns.firstKindIn("key=" + base64(generated("EC", 384))))
                .contains("base64 EC private key (PKCS#8)");
        assertThat(PrivateKeyPatterns.firstKindIn("key=" + base64(generated("RSA", 2048))))
                .contains("base64 RSA private key (PKCS#8)");
    }

    @Test
    void finds_a_base64_ec_key_as_openssl_writes_it_with_its_public_key() {
        // The start of one, split so this file does not match.
        String openSsl = "MIGHAgEAMBMG" + "ByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg";

        assertThat(PrivateKeyPatterns.firstKindIn(openSsl)).contains("base64 EC private key (PKCS#8)");
    }

    @Test
    void finds_a_base64_pkcs1_rsa_key() {
        // SEQUENCE (1188 bytes) { INTEGER 0, INTEGER (257 bytes) ...: how every PKCS#1 RSA 2048 key begins.
        byte[] start = {0x30, (byte) 0x82, 0x04, (byte) 0xa4, 0x02, 0x01, 0x00, 0x02, (byte) 0x82, 0x01, 0x01, 0x00};

        assertThat(PrivateKeyPatterns.firstKindIn(Base64.getEncoder().encodeToString(start)))
                .contains("base64 RSA private key (PKCS#1)");
    }

    @Test
    void passes_public_keys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
        generator.initialize(255, seeded());
        String publicKey = Base64.getEncoder().encodeToString(generator.generateKeyPair().getPublic().getEncoded());

        assertThat(PrivateKeyPatterns.firstKindIn("public-key: " + publicKey)).isEmpty();
        assertThat(PrivateKeyPatterns.firstKindIn(pem("PUBLIC KEY", publicKey))).isEmpty();
    }

    private static PrivateKey generated(String algorithm, int size) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
        generator.initialize(size, seeded());
        return generator.generateKeyPair().getPrivate();
    }

    /** Seeded, so a failure repeats with the same keys. */
    private static SecureRandom seeded() throws Exception {
        SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
        random.setSeed(20261123L);
        return random;
    }

    private static String base64(PrivateKey key) {
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }

    private static String pem(String label, String body) {
        return "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n";
    }
}
