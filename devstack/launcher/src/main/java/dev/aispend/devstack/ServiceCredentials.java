package dev.aispend.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;

/**
 * The credentials one service uses for what it asks another on its own behalf. Only report-service needs any:
 * it asks the ledger for replays (a rebuild) and reads the ledger's head, checkpoint and verification for the
 * audit report. A deployment gives it an API key with these roles instead (docs/security.md).
 */
public final class ServiceCredentials {
    /** How long a locally minted service token lives; the launcher mints a new one at every start. */
    public static final Duration SERVICE_TOKEN_VALIDITY = Duration.ofDays(30);

    private ServiceCredentials() {
    }

    /** A token for report-service: reads the ledger (finance-auditor) and asks for replays (compliance-officer). */
    public static String reportService(TokenIssuer issuer) {
        return issuer.token("report-service", List.of("finance-auditor", "compliance-officer"), List.of(), null,
                SERVICE_TOKEN_VALIDITY);
    }

    /** Writes {@code credential} to {@code file}, readable by its owner only, and returns the file's path. */
    public static Path write(Path file, String credential) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, credential);
            return file.toAbsolutePath();
        } catch (IOException failure) {
            throw new UncheckedIOException("could not write " + file, failure);
        }
    }
}
