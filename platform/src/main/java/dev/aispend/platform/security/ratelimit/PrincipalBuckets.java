package dev.aispend.platform.security.ratelimit;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.TokensInheritanceStrategy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Iterator;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One token bucket per principal, in memory, at most {@code maxPrincipals} of them. The common request reads the
 * map without a lock and takes a token with Bucket4j's lock-free compare-and-set; only a principal's first request
 * (or one with a changed limit) writes to the map.
 *
 * <p>Why bounded: every distinct principal adds a bucket, and nothing else would ever remove one, so a long-running
 * service would grow with every token subject and API key it has ever seen. A principal whose bucket has refilled
 * to its burst is forgotten first: a new bucket starts full, so forgetting it changes no answer. Only when more
 * principals than the bound are active at once are active ones forgotten too; they start again with a full burst,
 * so the limit then errs on admitting, never on refusing, and the log says to raise max-principals.
 */
final class PrincipalBuckets {
    private static final Logger LOG = LoggerFactory.getLogger(PrincipalBuckets.class);

    private final ConcurrentHashMap<String, PrincipalBucket> buckets = new ConcurrentHashMap<>();
    private final AtomicBoolean forgetting = new AtomicBoolean();
    private final AtomicBoolean warned = new AtomicBoolean();
    private final int maxPrincipals;
    private final TimeMeter clock;

    PrincipalBuckets(int maxPrincipals, TimeMeter clock) {
        this.maxPrincipals = maxPrincipals;
        this.clock = clock;
    }

    /** Takes one request from {@code principal}'s bucket: 0 when taken, else the nanoseconds until it can be. */
    long take(String principal, RateLimit limit) {
        Bucket bucket = bucketOf(principal, limit);
        if (bucket.tryConsume(1)) {
            return 0;
        }
        // Asked again for the wait (the probe is only needed on refusal); a token refilled in between admits.
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? 0 : Math.max(1, probe.getNanosToWaitForRefill());
    }

    int size() {
        return buckets.size();
    }

    private Bucket bucketOf(String principal, RateLimit limit) {
        PrincipalBucket known = buckets.get(principal);
        if (known != null && known.limit().sameAs(limit)) {
            return known.bucket();
        }
        if (known == null && buckets.size() >= maxPrincipals) {
            forgetSome();
        }
        return buckets.compute(principal, (name, existing) -> existing == null ? newBucket(limit)
                : existing.limit().sameAs(limit) ? existing : existing.changedTo(limit)).bucket();
    }

    private PrincipalBucket newBucket(RateLimit limit) {
        return new PrincipalBucket(limit, Bucket.builder().addLimit(limit.bandwidth()).withCustomTimePrecision(clock)
                .build());
    }

    /** Forgets full buckets, then (all principals active) any, down to nine tenths of the bound: see the class. */
    private void forgetSome() {
        if (!forgetting.compareAndSet(false, true)) {
            return;
        }
        try {
            buckets.forEach((principal, entry) -> {
                if (entry.bucket().getAvailableTokens() >= entry.limit().burst()) {
                    buckets.remove(principal, entry);
                }
            });
            // Room for a tenth of the bound, so the next pass comes only after that many new principals.
            int target = maxPrincipals - Math.max(1, maxPrincipals / 10);
            if (buckets.size() > target) {
                forgetActive(target);
            }
        } finally {
            forgetting.set(false);
        }
    }

    private void forgetActive(int target) {
        // Once per process: under a sustained overflow every pass would say the same.
        if (warned.compareAndSet(false, true)) {
            LOG.warn("rate limits: more than {} principals active at once, some forgotten (they get a fresh burst); "
                    + "raise auth.rate-limits.max-principals", target);
        }
        Iterator<String> principals = buckets.keySet().iterator();
        while (buckets.size() > target && principals.hasNext()) {
            principals.next();
            principals.remove();
        }
    }

    private record PrincipalBucket(RateLimit limit, Bucket bucket) {
        /**
         * The same bucket under a principal's new limit (its roles changed): what it had left is kept in proportion,
         * so switching between two tokens of one subject never refills it.
         */
        PrincipalBucket changedTo(RateLimit changed) {
            bucket.replaceConfiguration(changed.bucketConfiguration(), TokensInheritanceStrategy.PROPORTIONALLY);
            return new PrincipalBucket(changed, bucket);
        }
    }
}
