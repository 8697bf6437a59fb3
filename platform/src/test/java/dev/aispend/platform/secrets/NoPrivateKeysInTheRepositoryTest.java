package dev.aispend.platform.secrets;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Secrets come from the environment or from mounted files, never from the repository: no file git tracks (or would
 * add) holds a private key, except the test fixtures listed here, each with the reason it may.
 */
class NoPrivateKeysInTheRepositoryTest {
    /** Larger files are generated or binary; no key setting or fixture is this big. */
    private static final long MAX_SCANNED_BYTES = 5 * 1024 * 1024;

    /** Test-only keys, by path from the repository root, and why each may be there. */
    private static final Map<String, String> TEST_ONLY_KEYS = Map.of(
            "ledger-service/src/test/resources/application-test.yml",
            "the ledger's tests need a fixed Ed25519 checkpoint key (the service refuses to start without one, and "
                    + "never generates one); it signs only test ledgers, and the file says it is for tests only");

    @Test
    void finds_no_private_key_in_any_file_of_the_repository_but_the_listed_test_fixtures() {
        Map<String, String> found = privateKeysIn(RepositoryFiles.root());

        Map<String, String> unexpected = new TreeMap<>(found);
        unexpected.keySet().removeAll(TEST_ONLY_KEYS.keySet());
        assertThat(unexpected).as("private keys in the repository (path: kind); secrets belong in the environment "
                + "or a mounted file (docs/security.md), a test-only key in TEST_ONLY_KEYS with its reason").isEmpty();
    }

    @Test
    void lists_only_test_fixtures_that_still_hold_a_key() {
        Map<String, String> found = privateKeysIn(RepositoryFiles.root());

        assertThat(found.keySet()).as("an exception for a file without a key hides nothing; remove it")
                .containsAll(TEST_ONLY_KEYS.keySet());
    }

    @Test
    void lists_only_test_sources_as_exceptions() {
        assertThat(TEST_ONLY_KEYS.keySet()).allMatch(path -> path.contains("/src/test/"));
    }

    private static Map<String, String> privateKeysIn(Path root) {
        Map<String, String> found = new TreeMap<>();
        List<Path> scanned = new ArrayList<>();
        for (Path relative : RepositoryFiles.list(root)) {
            Path file = root.resolve(relative);
            if (Files.isRegularFile(file) && size(file) <= MAX_SCANNED_BYTES) {
                scanned.add(relative);
                kindIn(file).ifPresent(kind -> found.put(slashes(relative), kind));
            }
        }
        // A listing gone wrong (an empty git answer, the wrong root) must not pass as a clean repository.
        assertThat(scanned).as("files scanned under " + root).hasSizeGreaterThan(100)
                .contains(Path.of("platform", "pom.xml"));
        return found;
    }

    private static Optional<String> kindIn(Path file) {
        try {
            // Every pattern is ASCII: ISO-8859-1 reads any byte, so a binary or oddly encoded file is still read.
            return PrivateKeyPatterns.firstKindIn(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    private static String slashes(Path relative) {
        return relative.toString().replace('\\', '/');
    }
}
