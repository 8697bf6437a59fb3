package dev.aispend.ingest.directory.cache;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.aispend.ingest.directory.DirectoryStore.SealedAlias;
import dev.aispend.ingest.identity.AliasKind;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** What the cache keeps, and what it refuses to keep because the directory may have changed meanwhile. */
class DirectoryCacheTest {
    private static final SealedAlias KIM = new SealedAlias(AliasKind.EMAIL, "als_kim");
    private static final SealedAlias LEO = new SealedAlias(AliasKind.EMAIL, "als_leo");
    private static final Duration TTL = Duration.ofMinutes(5);

    private final AtomicLong nanos = new AtomicLong();
    private final DirectoryCache cache = new DirectoryCache(100, TTL, nanos::get);

    @Test
    void is_not_used_before_its_listener_listens() {
        assertThat(cache.enabled()).isTrue();
        assertThat(cache.usable()).isFalse();
        assertThat(cache.storeIfUnchanged(cache.generation(), Map.of(KIM, AliasHistory.NONE))).isFalse();

        cache.listening(true);

        assertThat(cache.usable()).isTrue();
    }

    @Test
    void keeps_what_a_look_up_read_when_nothing_changed_meanwhile() {
        cache.listening(true);
        long before = cache.generation();

        assertThat(cache.storeIfUnchanged(before, Map.of(KIM, AliasHistory.NONE))).isTrue();

        assertThat(cache.present(List.of(KIM, LEO))).containsOnlyKeys(KIM);
    }

    @Test
    void does_not_keep_what_a_look_up_read_before_a_change_was_heard() {
        cache.listening(true);
        long before = cache.generation();
        cache.invalidate(); // The directory changed while the look-up's query ran.

        assertThat(cache.storeIfUnchanged(before, Map.of(KIM, AliasHistory.NONE))).isFalse();

        assertThat(cache.present(List.of(KIM))).isEmpty();
    }

    @Test
    void forgets_everything_when_the_directory_changes() {
        cache.listening(true);
        cache.storeIfUnchanged(cache.generation(), Map.of(KIM, AliasHistory.NONE, LEO, AliasHistory.NONE));

        cache.invalidate();

        assertThat(cache.present(List.of(KIM, LEO))).isEmpty();
    }

    @Test
    void forgets_everything_and_is_not_used_while_the_listener_is_away() {
        cache.listening(true);
        long before = cache.generation();
        cache.storeIfUnchanged(before, Map.of(KIM, AliasHistory.NONE));

        cache.listening(false);

        assertThat(cache.usable()).isFalse();
        assertThat(cache.present(List.of(KIM))).isEmpty();
        cache.listening(true);
        assertThat(cache.storeIfUnchanged(before, Map.of(KIM, AliasHistory.NONE)))
                .as("a look-up begun before the listener reconnected").isFalse();
    }

    @Test
    void forgets_a_history_once_it_is_a_ttl_old() {
        cache.listening(true);
        cache.storeIfUnchanged(cache.generation(), Map.of(KIM, AliasHistory.NONE));

        nanos.addAndGet(TTL.minusSeconds(1).toNanos());
        assertThat(cache.present(List.of(KIM))).containsOnlyKeys(KIM);
        nanos.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(cache.present(List.of(KIM))).isEmpty();
    }

    @Test
    void keeps_at_most_its_bound_of_aliases() {
        DirectoryCache small = new DirectoryCache(10, TTL, Ticker.systemTicker());
        small.listening(true);
        for (int index = 0; index < 100; index++) {
            small.storeIfUnchanged(small.generation(), Map.of(new SealedAlias(AliasKind.EMAIL, "als_" + index),
                    AliasHistory.NONE));
        }

        assertThat(small.size()).isLessThanOrEqualTo(10);
    }

    @Test
    void is_never_used_with_a_bound_of_zero_aliases() {
        DirectoryCache off = new DirectoryCache(0, TTL, Ticker.systemTicker());
        off.listening(true);

        assertThat(off.enabled()).isFalse();
        assertThat(off.usable()).isFalse();
        assertThat(off.storeIfUnchanged(off.generation(), Map.of(KIM, AliasHistory.NONE))).isFalse();
        assertThat(off.present(List.of(KIM))).isEmpty();
    }
}
