package dev.aispend.ledger.leadership;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * How ledger instances elect the one that writes ({@code ledger.leadership.*}, each with an environment variable).
 * A leader renews its lease every {@code renewEvery}; a standby tries to take it every {@code retryEvery} and can
 * only once {@code lease} has passed since the last renewal. So after a leader dies without releasing its lease
 * (SIGKILL, a lost machine), a standby leads within {@code lease + retryEvery}; after a clean stop (which releases
 * it) within {@code retryEvery}.
 *
 * @param instanceId this instance's name in the lease row (blank: host name and process id)
 */
@ConfigurationProperties("ledger.leadership")
public record LeadershipConfiguration(
        @Bindable(defaultValue = "10s") Duration lease,
        @Bindable(defaultValue = "2s") Duration renewEvery,
        @Bindable(defaultValue = "1s") Duration retryEvery,
        @Bindable(defaultValue = "") String instanceId) {

    static final int MAX_INSTANCE_ID_LENGTH = 200;

    public LeadershipConfiguration {
        if (lease.compareTo(Duration.ofSeconds(1)) < 0 || lease.compareTo(Duration.ofMinutes(10)) > 0) {
            throw new IllegalArgumentException("ledger.leadership.lease must be within 1 s .. 10 min, was " + lease);
        }
        // Renewing at most every third of the lease leaves two renewals to fail (a slow database, a GC pause)
        // before the lease lapses.
        if (renewEvery.isNegative() || renewEvery.isZero() || renewEvery.multipliedBy(3).compareTo(lease) > 0) {
            throw new IllegalArgumentException("ledger.leadership.renew-every must be positive and at most a third "
                    + "of the lease (" + lease + "), was " + renewEvery);
        }
        if (retryEvery.isNegative() || retryEvery.isZero() || retryEvery.compareTo(lease) > 0) {
            throw new IllegalArgumentException("ledger.leadership.retry-every must be positive and at most the "
                    + "lease (" + lease + "), was " + retryEvery);
        }
        if (instanceId == null) {
            instanceId = "";
        }
        if (instanceId.length() > MAX_INSTANCE_ID_LENGTH) {
            throw new IllegalArgumentException("ledger.leadership.instance-id is longer than "
                    + MAX_INSTANCE_ID_LENGTH + " characters");
        }
    }
}
