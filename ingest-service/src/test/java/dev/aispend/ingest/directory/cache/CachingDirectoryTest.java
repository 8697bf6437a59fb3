package dev.aispend.ingest.directory.cache;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.aispend.ingest.directory.DirectoryCipher;
import dev.aispend.ingest.directory.DirectoryLinks;
import dev.aispend.ingest.directory.DirectoryStore.SealedAlias;
import dev.aispend.ingest.directory.SealedRows;
import dev.aispend.ingest.identity.AliasKind;
import dev.aispend.ingest.identity.Directory.Lookup;
import dev.aispend.ingest.identity.DirectoryEntry;
import dev.aispend.ingest.identity.Pseudonymizer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** Look-ups answered from the cache, read in one query when missing, or asked of the database without it. */
class CachingDirectoryTest {
    private static final Instant JOINED = Instant.parse("2026-01-01T00:00:00Z");
    private static final DirectoryEntry KIM = new DirectoryEntry("prs_kim", "platform", "cc-1");

    private final SealedRows sealed = new SealedRows(new DirectoryLinks(new Pseudonymizer(
            Base64.getEncoder().encodeToString(new byte[32]))), new DirectoryCipher(
            Base64.getEncoder().encodeToString(new byte[32])));
    private final FakeDatabase database = new FakeDatabase();
    private final DirectoryCache cache = new DirectoryCache(1_000, Duration.ofMinutes(5), Ticker.systemTicker());
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final CachingDirectory directory = new CachingDirectory(cache, database, sealed,
            new DirectoryCacheMetrics(meters, cache));

    CachingDirectoryTest() {
        TreeMap<Instant, DirectoryEntry> rows = new TreeMap<>();
        rows.put(JOINED, KIM);
        database.rows.put(alias(AliasKind.EMAIL, "kim@example.com"), AliasHistory.of(rows));
        cache.listening(true);
    }

    @Test
    void reads_a_requests_missing_aliases_in_one_query_and_answers_the_next_request_from_memory() {
        List<Lookup> lookups = List.of(email("kim@example.com", JOINED), email("kim@example.com",
                JOINED.minusSeconds(1)), email("leo@example.com", JOINED), login("kim-gh", JOINED));

        Map<Lookup, DirectoryEntry> first = directory.findAll(lookups);
        Map<Lookup, DirectoryEntry> second = directory.findAll(lookups);

        assertThat(first).containsOnly(Map.entry(email("kim@example.com", JOINED), KIM));
        assertThat(second).isEqualTo(first);
        assertThat(database.historyQueries).containsExactly(3); // kim, leo and kim-gh: one query, each once.
        assertThat(count("miss")).isEqualTo(3);
        assertThat(count("hit")).isEqualTo(3);
    }

    @Test
    void keeps_an_unknown_alias_as_an_answer() {
        directory.find(AliasKind.EMAIL, "leo@example.com", JOINED);
        directory.find(AliasKind.EMAIL, "leo@example.com", JOINED.plusSeconds(60));

        assertThat(database.historyQueries).containsExactly(1);
    }

    @Test
    void answers_but_does_not_keep_a_read_that_raced_a_change() {
        database.duringQuery = cache::invalidate; // The directory changed while the query ran.

        assertThat(directory.find(AliasKind.EMAIL, "kim@example.com", JOINED)).contains(KIM);
        database.duringQuery = () -> { };
        directory.find(AliasKind.EMAIL, "kim@example.com", JOINED);

        assertThat(database.historyQueries).containsExactly(1, 1);
    }

    @Test
    void asks_the_database_each_time_while_the_listener_is_away() {
        cache.listening(false);
        Lookup kim = email("kim@example.com", JOINED);

        assertThat(directory.findAll(List.of(kim))).containsOnly(Map.entry(kim, KIM));
        directory.findAll(List.of(kim));

        assertThat(database.inForceQueries).isEqualTo(2);
        assertThat(database.historyQueries).isEmpty();
        assertThat(count("bypass")).isEqualTo(2);
        assertThat(meters.get(DirectoryCacheMetrics.LISTENING).gauge().value()).isZero();
    }

    @Test
    void reports_listening_while_the_listener_hears_changes() {
        assertThat(meters.get(DirectoryCacheMetrics.LISTENING).gauge().value()).isEqualTo(1);
    }

    private double count(String result) {
        return meters.get(DirectoryCacheMetrics.LOOKUPS).tag("result", result).counter().count();
    }

    private SealedAlias alias(AliasKind kind, String value) {
        return new SealedAlias(kind, sealed.aliasRef(kind, value));
    }

    private static Lookup email(String value, Instant at) {
        return new Lookup(AliasKind.EMAIL, value, at);
    }

    private static Lookup login(String value, Instant at) {
        return new Lookup(AliasKind.GITHUB_LOGIN, value, at);
    }

    /** The directory's rows in memory, with the queries asked of it counted. */
    private final class FakeDatabase implements DirectoryDatabase {
        final Map<SealedAlias, AliasHistory> rows = new HashMap<>();
        final List<Integer> historyQueries = new ArrayList<>();
        int inForceQueries;
        Runnable duringQuery = () -> { };

        @Override
        public Map<SealedAlias, AliasHistory> histories(Collection<SealedAlias> aliases) {
            historyQueries.add(aliases.size());
            duringQuery.run();
            Map<SealedAlias, AliasHistory> found = new HashMap<>();
            aliases.forEach(alias -> found.put(alias, rows.getOrDefault(alias, AliasHistory.NONE)));
            return found;
        }

        @Override
        public Map<Lookup, DirectoryEntry> inForceAt(Collection<Lookup> lookups) {
            inForceQueries++;
            Map<Lookup, DirectoryEntry> found = new HashMap<>();
            for (Lookup lookup : lookups) {
                DirectoryEntry entry = rows.getOrDefault(alias(lookup.kind(), lookup.normalizedValue()),
                        AliasHistory.NONE).inForceAt(lookup.at());
                if (entry != null) {
                    found.put(lookup, entry);
                }
            }
            return found;
        }
    }
}
