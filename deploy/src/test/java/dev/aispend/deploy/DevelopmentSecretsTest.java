package dev.aispend.deploy;

import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.aispend.platform.security.Roles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DevelopmentSecretsTest {
    @TempDir
    Path secrets;

    @Test
    void makes_every_secret_once_and_never_replaces_one() throws Exception {
        List<String> made = DevelopmentSecrets.generate(secrets);
        String pseudonymKey = Files.readString(secrets.resolve("pseudonym-key"));

        List<String> madeAgain = DevelopmentSecrets.generate(secrets);

        assertThat(made).contains("pseudonym-key", "directory-encryption-key", "ledger-signing-key.pem",
                "ingest-db-password", "report-ledger-credential", LocalIssuer.KEY_FILE);
        assertThat(madeAgain).isEmpty();
        assertThat(Files.readString(secrets.resolve("pseudonym-key"))).isEqualTo(pseudonymKey);
        assertThat(Base64.getDecoder().decode(pseudonymKey)).hasSize(32);
        assertThat(Base64.getDecoder().decode(Files.readString(secrets.resolve("directory-encryption-key"))))
                .hasSize(32);
    }

    @Test
    void signs_tokens_that_verify_with_the_published_keys_and_carry_the_asked_claims() throws Exception {
        DevelopmentSecrets.generate(secrets);
        JWKSet keys = JWKSet.parse(Files.readString(secrets.resolve(LocalIssuer.JWKS_FILE)));

        String token = LocalIssuer.read(secrets).token(TokenRequest.parse(
                List.of("team-lead,policy-owner", "--subject=lee", "--team=platform", "--hours=2")));

        SignedJWT jwt = SignedJWT.parse(token);
        assertThat(jwt.verify(new ECDSAVerifier((ECKey) keys.getKeyByKeyId(jwt.getHeader().getKeyID())))).isTrue();
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo(LocalIssuer.ISSUER);
        assertThat(claims.getAudience()).containsExactly("aispend");
        assertThat(claims.getSubject()).isEqualTo("lee");
        assertThat(claims.getStringListClaim("roles")).containsExactly("team-lead", "policy-owner");
        assertThat(claims.getStringListClaim("teams")).containsExactly("platform");
        assertThat(claims.getExpirationTime()).isCloseTo(Date.from(java.time.Instant.now().plus(Duration.ofHours(2))),
                60_000);
    }

    @Test
    void gives_report_service_a_credential_for_the_ledger_reads_and_replays_it_makes() throws Exception {
        DevelopmentSecrets.generate(secrets);

        JWTClaimsSet claims = SignedJWT.parse(Files.readString(secrets.resolve("report-ledger-credential")))
                .getJWTClaimsSet();

        assertThat(claims.getStringListClaim("roles")).containsExactlyInAnyOrder(Roles.FINANCE_AUDITOR,
                Roles.COMPLIANCE_OFFICER);
        assertThat(claims.getSubject()).isEqualTo("report-service");
    }

    @Test
    void makes_a_ledger_signing_pair_whose_public_key_verifies_the_private_keys_signature() throws Exception {
        DevelopmentSecrets.generate(secrets);
        String pem = Files.readString(secrets.resolve("ledger-signing-key.pem"), StandardCharsets.US_ASCII);
        KeyFactory keys = KeyFactory.getInstance("Ed25519");
        byte[] message = "checkpoint".getBytes(StandardCharsets.UTF_8);

        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(keys.generatePrivate(new PKCS8EncodedKeySpec(block(pem, "PRIVATE KEY"))));
        signer.update(message);
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(keys.generatePublic(new X509EncodedKeySpec(block(pem, "PUBLIC KEY"))));
        verifier.update(message);

        assertThat(verifier.verify(signer.sign())).isTrue();
    }

    @Test
    void knows_exactly_the_roles_the_services_know() {
        assertThat(TokenRequest.ROLES).containsExactlyInAnyOrderElementsOf(Roles.ALL);
    }

    @Test
    void refuses_a_token_for_an_unknown_role_or_a_team_role_without_a_team() {
        assertThatThrownBy(() -> TokenRequest.parse(List.of("superuser"))).hasMessageContaining("unknown role");
        assertThatThrownBy(() -> TokenRequest.parse(List.of("team-member"))).hasMessageContaining("--team");
        assertThatThrownBy(() -> TokenRequest.parse(List.of("admin", "--subject=a\"b")))
                .hasMessageContaining("--subject");
    }

    private static byte[] block(String pem, String type) {
        Matcher matcher = Pattern.compile("-----BEGIN " + type + "-----([^-]+)-----END " + type + "-----").matcher(pem);
        assertThat(matcher.find()).as(type + " block").isTrue();
        return Base64.getMimeDecoder().decode(matcher.group(1));
    }
}
