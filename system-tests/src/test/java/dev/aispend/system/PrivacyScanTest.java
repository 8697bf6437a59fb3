package dev.aispend.system;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PrivacyScanTest {
    private static final String JWT = "eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJjYXJsIiwicm9sZXMiOltdfQ."
            + "c2lnbmF0dXJlLW9mLWEtdGVzdC10b2tlbg";

    @Test
    void finds_an_email_in_plain_text_in_base64_and_in_hex_and_says_where() {
        PrivacyScan scan = new PrivacyScan(List.of());
        String payload = "{\"person\":\"Alice.Smith+ai@Example.co.uk\"}";

        scan.scan("plain", payload);
        scan.scan("envelope", "{\"payloadBase64\":\"" + Base64.getEncoder()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "\"}");
        scan.scan("bytea", "'\\x" + HexFormat.of().formatHex(payload.getBytes(StandardCharsets.UTF_8)) + "'::bytea");

        assertThat(scan.findings()).extracting(PrivacyScan.Finding::where)
                .containsExactly("plain", "envelope (base64-decoded)", "bytea (hex-decoded)");
        assertThat(scan.findings()).extracting(PrivacyScan.Finding::match).containsOnly("Alice.Smith+ai@Example.co.uk");
    }

    @Test
    void finds_a_jwt_an_api_key_and_every_credential_it_was_given() {
        PrivacyScan scan = new PrivacyScan(List.of("opaque-credential-1234567890"));

        scan.scan("log line", "Authorization: Bearer " + JWT);
        scan.scan("header", "ask_0123456789abcdef01234567_" + "A".repeat(43));
        scan.scan("body", "token=opaque-credential-1234567890");

        assertThat(scan.findings()).extracting(PrivacyScan.Finding::kind)
                .containsExactly("bearer token (JWT)", "API key", "a secret of the run");
        assertThat(scan.report()).doesNotContain(JWT, "opaque-credential-1234567890");
    }

    @Test
    void passes_over_refs_hashes_an_agents_commit_identity_and_things_that_only_look_like_addresses() {
        PrivacyScan scan = new PrivacyScan(List.of());

        scan.scan("ledger", "{\"personRef\":\"prs_0cf19c8f102ecc62b033b451c1d7cbe4\",\"entryHash\":\""
                + "ab".repeat(32) + "\",\"coAuthoredBy\":[\"Claude <noreply@anthropic.com>\"]}");
        scan.scan("log", "org.postgresql.jdbc.PgConnection@4ee5b2d9 owner@policy");

        assertThat(scan.findings()).isEmpty();
    }
}
