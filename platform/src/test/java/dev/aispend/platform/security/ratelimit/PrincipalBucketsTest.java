package dev.aispend.platform.security.ratelimit;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class PrincipalBucketsTest {
    /** Two requests at once, then one every 10 s. */
    private static final RateLimit TINY = new RateLimit("gateway", 0.1, 2);
    private static final RateLimit WIDER = new RateLimit("policy-owner", 0.1, 4);

    private final ManualClock clock = new ManualClock();

    @Test
    void admits_the_burst_then_refuses_saying_how_long_until_the_next_request_is_admitted() {
        PrincipalBuckets buckets = new PrincipalBuckets(100, clock);

        assertThat(buckets.take("alice", TINY)).isZero();
        assertThat(buckets.take("alice", TINY)).isZero();
        assertThat(buckets.take("alice", TINY)).isEqualTo(Duration.ofSeconds(10).toNanos());

        clock.advance(Duration.ofSeconds(4));
        assertThat(buckets.take("alice", TINY)).isEqualTo(Duration.ofSeconds(6).toNanos());
        clock.advance(Duration.ofSeconds(6));
        assertThat(buckets.take("alice", TINY)).isZero();
    }

    @Test
    void keeps_one_bucket_per_principal() {
        PrincipalBuckets buckets = new PrincipalBuckets(100, clock);
        buckets.take("alice", TINY);
        buckets.take("alice", TINY);

        assertThat(buckets.take("alice", TINY)).isPositive();
        assertThat(buckets.take("api-key:k1", TINY)).isZero();
    }

    @Test
    void keeps_what_remains_in_proportion_when_a_principal_s_limit_changes() {
        PrincipalBuckets buckets = new PrincipalBuckets(100, clock);
        buckets.take("alice", TINY);
        buckets.take("alice", TINY);

        // An empty bucket stays empty under the wider limit: another token of the same subject refills nothing.
        assertThat(buckets.take("alice", WIDER)).isPositive();
        assertThat(buckets.take("alice", TINY)).isPositive();
    }

    @Test
    void forgets_principals_whose_bucket_is_full_again_before_any_other() {
        PrincipalBuckets buckets = new PrincipalBuckets(10, clock);
        buckets.take("drained", TINY);
        buckets.take("drained", TINY);
        for (int principal = 0; principal < 9; principal++) {
            buckets.take("idle-" + principal, TINY);
        }
        clock.advance(Duration.ofSeconds(10));
        // "drained" has one of two tokens back; each idle principal has both again.

        buckets.take("newcomer", TINY);

        assertThat(buckets.size()).isEqualTo(2);
        buckets.take("drained", TINY);
        assertThat(buckets.take("drained", TINY)).as("drained's bucket was kept, not given a new burst")
                .isPositive();
    }

    @Test
    void never_holds_more_than_the_bound_even_when_every_principal_is_active() {
        PrincipalBuckets buckets = new PrincipalBuckets(10, clock);

        for (int principal = 0; principal < 1_000; principal++) {
            buckets.take("active-" + principal, TINY);
        }

        assertThat(buckets.size()).isLessThanOrEqualTo(10);
    }
}
