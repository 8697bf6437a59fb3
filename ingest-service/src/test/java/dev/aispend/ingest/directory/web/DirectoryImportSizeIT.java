package dev.aispend.ingest.directory.web;

import dev.aispend.contracts.Topics;
import dev.aispend.ingest.IngestIntegration;
import dev.aispend.testsupport.KafkaProbe;
import io.micronaut.http.HttpResponse;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Map;

import static dev.aispend.ingest.IngestHttp.body;
import static org.assertj.core.api.Assertions.assertThat;

/** An import as large as the defaults allow (10,000 rows within the 1 MiB body limit) is taken in one request. */
@MicronautTest
class DirectoryImportSizeIT extends IngestIntegration {
    private static final Logger LOG = LoggerFactory.getLogger(DirectoryImportSizeIT.class);
    private static final int ROWS = 10_000;

    @Inject
    DirectoryHttp directory;

    DirectoryImportSizeIT() {
        // The import takes about 10 s here (docs/directory.md); the test client's default read timeout is 10 s.
        super("directory-size-it.", Map.of("micronaut.http.client.read-timeout", "60s"));
    }

    @Test
    void imports_the_largest_file_the_defaults_allow_in_one_request_and_again_without_change() {
        StringBuilder csv = new StringBuilder("person,team,validFrom,email,githubLogin\n");
        for (int row = 0; row < ROWS; row++) {
            csv.append("p").append(row).append("@example.com,team-").append(row % 40)
                    .append(",2026-01-01T00:00:00Z,p").append(row).append("@example.com,gh-").append(row).append('\n');
        }
        assertThat(csv.length()).isLessThan(1_048_576);
        KafkaProbe probe = probe(Topics.IDENTITY_V1);

        long started = System.nanoTime();
        HttpResponse<String> first = directory.postCsv(csv.toString());
        long firstMillis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        started = System.nanoTime();
        HttpResponse<String> second = directory.postCsv(csv.toString());
        long secondMillis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        LOG.info("directory import of {} rows ({} links, {} bytes): {} ms; the same file again: {} ms", ROWS,
                3 * ROWS, csv.length(), firstMillis, secondMillis);

        assertThat(first.code()).as(body(first)).isEqualTo(201);
        assertThat(body(first)).contains("\"recorded\":30000");
        assertThat(body(second)).contains("\"recorded\":0,\"unchanged\":30000");
        assertThat(probe.recordsSinceCreated(60_000, Duration.ofSeconds(60))).hasSize(60_000);
    }
}
