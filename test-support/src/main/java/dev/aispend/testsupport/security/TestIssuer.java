package dev.aispend.testsupport.security;

import com.nimbusds.jose.jwk.ECKey;
import dev.aispend.devstack.TokenIssuer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The tests' token issuer: one key pair per test JVM, trusted by every service context started in the
 * {@code test} environment (TestIssuerKeys) and by the forked services of the system tests (AUTH_JWKS_FILE from
 * {@link #writePublicKeys}). Tokens for any roles, teams and person; see {@link #allRoles()} for the token the
 * tests' HTTP clients send when a test does not choose one.
 */
public final class TestIssuer {
    public static final String ISSUER = "aispend-test-issuer";
    /** Every role, organisation-wide: what a test that is not about access sends (TestBearerFilter). */
    public static final List<String> ALL_ROLES = List.of("ingest-client", "gateway", "policy-owner",
            "finance-auditor", "compliance-officer", "admin");
    private static final Duration VALIDITY = Duration.ofHours(2);

    private static final ECKey KEY = TokenIssuer.newKey("test-issuer");
    private static final TokenIssuer ISSUER_OF_TOKENS = new TokenIssuer(KEY, ISSUER);
    private static final String ALL_ROLES_TOKEN = ISSUER_OF_TOKENS.token("test-all-roles", ALL_ROLES, List.of(),
            null, VALIDITY);

    private TestIssuer() {
    }

    public static TokenIssuer issuer() {
        return ISSUER_OF_TOKENS;
    }

    public static ECKey key() {
        return KEY;
    }

    /** A token holding every organisation-wide role, subject {@code test-all-roles}. */
    public static String allRoles() {
        return ALL_ROLES_TOKEN;
    }

    /** A token for {@code subject} with {@code roles} (organisation-wide, no teams). */
    public static String token(String subject, String... roles) {
        return ISSUER_OF_TOKENS.token(subject, List.of(roles), List.of(), null, VALIDITY);
    }

    /**
     * An {@code Authorization} value for a person called {@code subject} who owns policy and audits (policy owner,
     * finance auditor, compliance officer): what the system tests send when a change must name its actor.
     */
    public static String bearerFor(String subject) {
        return "Bearer " + token(subject, "policy-owner", "finance-auditor", "compliance-officer");
    }

    /** A token limited to {@code teams}, for a person ({@code person} may be null). */
    public static String teamToken(String subject, String role, List<String> teams, String person) {
        return ISSUER_OF_TOKENS.token(subject, List.of(role), teams, person, VALIDITY);
    }

    /** Writes the public key set to {@code file} (for a forked service's AUTH_JWKS_FILE) and returns it. */
    public static Path writePublicKeys(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, ISSUER_OF_TOKENS.publicKeys());
            return file.toAbsolutePath();
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }
}
