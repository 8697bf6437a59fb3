package dev.aispend.ingest.directory.cache;

import dev.aispend.devstack.Wait;
import dev.aispend.ingest.IngestIntegration;
import dev.aispend.ingest.identity.AliasKind;
import dev.aispend.ingest.identity.Attribution;
import dev.aispend.ingest.identity.Directory;
import dev.aispend.ingest.identity.DirectoryEntry;
import dev.aispend.ingest.identity.IdentityResolver;
import dev.aispend.ingest.identity.SubjectAliases;
import dev.aispend.platform.secrets.SecretFiles;
import dev.aispend.testsupport.logging.LogCapture;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The directory cache of one instance against a real PostgreSQL: a change written through the API is resolved at
 * the next resolution, a second resolution of an alias asks the database nothing, answers agree with the SQL's
 * at a valid-from and around it, and a lost listening connection empties the cache until it listens again.
 */
@MicronautTest(transactional = false) // Resolution runs outside any test transaction, as in a request.
class DirectoryCacheIT extends IngestIntegration {
    static final Duration WITHIN = Duration.ofSeconds(20);
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @Inject
    IdentityResolver resolver;
    @Inject
    Directory directory;
    @Inject
    DirectoryDatabase database;
    @Inject
    DirectoryCache cache;
    @Inject
    MeterRegistry meters;
    @Inject
    DirectoryConnection connection;
    @Inject
    DirectoryChangesHeard announced;

    DirectoryCacheIT() {
        super("directory-cache-it.");
    }

    @BeforeEach
    void listening() {
        Wait.until("the directory cache's listener listening", WITHIN, cache::usable);
    }

    @Test
    void resolves_a_change_written_through_the_api_at_the_next_resolution() {
        assertThat(resolve("ana@example.com", NOW).attributed()).isFalse();
        assertThat(resolve("ana@example.com", NOW).attributed()).as("the unknown alias, from the cache").isFalse();

        post("ana@example.com", "platform", NOW.minus(Duration.ofDays(1)));
        Wait.until("the new entry resolved", WITHIN, () -> resolve("ana@example.com", NOW).team()
                .equals("platform"));
        post("ana@example.com", "research", NOW.minus(Duration.ofHours(1)));
        Wait.until("the move resolved", WITHIN, () -> resolve("ana@example.com", NOW).team().equals("research"));

        assertThat(resolve("ana@example.com", NOW.minus(Duration.ofHours(2))).team()).isEqualTo("platform");
    }

    @Test
    void empties_its_own_cache_when_its_write_commits_without_waiting_for_the_notification() {
        int before = announced.count();

        post("fay@example.com", "platform", NOW.minus(Duration.ofDays(1)));

        assertThat(announced.count()).as("announced before the answer").isEqualTo(before + 1);
        assertThat(resolve("fay@example.com", NOW).team()).isEqualTo("platform");
    }

    @Test
    void answers_the_second_resolution_of_an_alias_without_asking_the_database() {
        // Retried only if a change was heard between the two (another test's write notified late).
        Wait.until("two resolutions with no directory change between them", WITHIN, () -> {
            long generation = cache.generation();
            resolve("ben@example.com", NOW);
            double misses = lookups("miss");
            double hits = lookups("hit");
            long connectionsBorrowed = connectionsBorrowed();

            Attribution again = resolve("ben@example.com", NOW.plusSeconds(1));

            if (cache.generation() != generation) {
                return false;
            }
            assertThat(again.attributed()).isFalse();
            assertThat(lookups("miss")).isEqualTo(misses);
            assertThat(lookups("hit")).isEqualTo(hits + 1);
            assertThat(connectionsBorrowed()).as("connections borrowed from the pool").isEqualTo(connectionsBorrowed);
            return true;
        });
    }

    @Test
    void answers_at_a_valid_from_and_around_it_as_the_sql_does() {
        // An odd microsecond, so that halves round both ways around it.
        Instant validFrom = NOW.minus(Duration.ofDays(1)).plusNanos(123_457_000);
        post("cy@example.com", "platform", validFrom);
        Wait.until("the entry resolved", WITHIN, () -> resolve("cy@example.com", NOW).attributed());
        List<Instant> instants = List.of(validFrom, validFrom.minusNanos(1_000), validFrom.plusNanos(1_000),
                validFrom.minusNanos(400), validFrom.minusNanos(500), validFrom.minusNanos(600),
                validFrom.plusNanos(499), validFrom.plusNanos(500), validFrom.minusNanos(1_500),
                validFrom.minusNanos(1_499), validFrom.minusNanos(1_501), validFrom.minusNanos(999_999_999));

        for (Instant at : instants) {
            Directory.Lookup lookup = new Directory.Lookup(AliasKind.EMAIL, "cy@example.com", at);
            Optional<DirectoryEntry> bySql = Optional.ofNullable(database.inForceAt(List.of(lookup)).get(lookup));
            assertThat(directory.find(AliasKind.EMAIL, "cy@example.com", at)).as("at %s", at).isEqualTo(bySql);
        }
        assertThat(directory.find(AliasKind.EMAIL, "cy@example.com", validFrom)).isPresent();
        assertThat(directory.find(AliasKind.EMAIL, "cy@example.com", validFrom.minusNanos(1_000))).isEmpty();
        assertThat(lookups("hit")).isPositive();
    }

    @Test
    void rounds_instants_to_the_microsecond_as_postgresql_does() {
        List<Instant> instants = RoundingSamples.instants(NOW, 4_000);

        assertThat(connection.epochMicros(instants)).isEqualTo(instants.stream()
                .map(PostgresTimestamps::epochMicros).toList());
    }

    @Test
    void empties_the_cache_and_listens_again_after_losing_its_connection() {
        resolve("dee@example.com", NOW);
        long generation = cache.generation();
        try (LogCapture logs = LogCapture.configuredBeside(SecretFiles.class)) {
            assertThat(connection.terminateListeners()).isPositive();

            Wait.until("the listener connected again", WITHIN,
                    () -> cache.generation() >= generation + 2 && cache.usable());
            assertThat(logs.lines()).anyMatch(line -> line.contains("directory cache bypassed"))
                    .anyMatch(line -> line.contains("directory cache in use"));
        }
        double misses = lookups("miss");
        resolve("dee@example.com", NOW);
        assertThat(lookups("miss")).as("read again: the cache was emptied").isEqualTo(misses + 1);
    }

    private Attribution resolve(String email, Instant at) {
        return resolver.resolve(SubjectAliases.ofEmail(email), null, null, at);
    }

    private void post(String email, String team, Instant validFrom) {
        assertThat(http.postJson("/v1/directory/people", """
                {"person": "%s", "team": "%s", "validFrom": "%s", "aliases": {"email": "%s"}}"""
                .formatted(email, team, validFrom, email)).code()).isEqualTo(201);
    }

    private double lookups(String result) {
        return meters.get(DirectoryCacheMetrics.LOOKUPS).tag("result", result).counter().count();
    }

    private long connectionsBorrowed() {
        Timer acquired = meters.get("hikaricp.connections.acquire").timer();
        return acquired.count();
    }
}
