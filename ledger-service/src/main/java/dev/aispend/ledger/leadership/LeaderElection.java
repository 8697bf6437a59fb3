package dev.aispend.ledger.leadership;

import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Keeps trying to lead the ledger and, while leading, renews the lease. Gaining the lease starts the leader's
 * duties (intake, relay, checkpoints); losing it (another instance took it, or renewals failed for longer than
 * the lease, after which another may have) stops them. Stepping down marks this instance a standby first, so an
 * append already under way fails its fencing check instead of racing the new leader.
 */
@Singleton
public final class LeaderElection implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LeaderElection.class);

    /** What this instance does while it leads. */
    public interface Duties {
        void begin(long epoch);

        void end();
    }

    private final LeaseStore leases;
    private final Leadership leadership;
    private final LeadershipConfiguration configuration;
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private volatile Duties duties;
    private volatile Thread thread;
    private long lastRenewedNanos;
    private String lastSeenHolder;

    LeaderElection(LeaseStore leases, Leadership leadership, LeadershipConfiguration configuration) {
        this.leases = leases;
        this.leadership = leadership;
        this.configuration = configuration;
    }

    /** Tries once right away (a lone instance leads before start-up ends), then keeps trying in the background. */
    public synchronized void start(Duties leaderDuties) {
        if (thread != null) {
            throw new IllegalStateException("the election was started already");
        }
        this.duties = leaderDuties;
        tryToLead();
        thread = new Thread(this::run, "ledger-leader-election");
        thread.start();
    }

    private void run() {
        while (stopRequested.getCount() > 0) {
            Duration wait = leadership.isLeader() ? configuration.renewEvery() : configuration.retryEvery();
            if (!pause(wait)) {
                return;
            }
            synchronized (this) {
                if (stopRequested.getCount() == 0) {
                    return;
                }
                if (leadership.isLeader()) {
                    renew();
                } else {
                    tryToLead();
                }
            }
        }
    }

    private void tryToLead() {
        try {
            leases.tryAcquire(leadership.instanceId(), configuration.lease()).ifPresentOrElse(this::lead,
                    this::noteStandingBy);
        } catch (RuntimeException failure) {
            LOG.warn("could not try to take the ledger's leader lease; trying again in {} ms: {}",
                    configuration.retryEvery().toMillis(), failure.getMessage());
        }
    }

    private void lead(long epoch) {
        lastRenewedNanos = System.nanoTime();
        leadership.lead(epoch);
        LOG.info("this instance ({}) now leads the ledger with epoch {}", leadership.instanceId(), epoch);
        try {
            duties.begin(epoch);
        } catch (RuntimeException failure) {
            // Leading without the duties running would hold the lease and leave the ledger without a writer.
            stepDown("its duties could not start (" + failure.getMessage() + ")");
            leases.release(leadership.instanceId(), epoch);
        }
    }

    private void noteStandingBy() {
        LeaseStore.Holder holder = leases.current();
        if (holder.holder() != null && !holder.holder().equals(lastSeenHolder)) {
            LOG.info("standing by: {} leads the ledger with epoch {}", holder.holder(), holder.epoch());
        }
        lastSeenHolder = holder.holder();
    }

    private void renew() {
        long epoch = leadership.epoch();
        try {
            if (leases.renew(leadership.instanceId(), epoch, configuration.lease())) {
                lastRenewedNanos = System.nanoTime();
            } else {
                stepDown("another instance took the lease after epoch " + epoch);
            }
        } catch (RuntimeException failure) {
            Duration sinceRenewal = Duration.ofNanos(System.nanoTime() - lastRenewedNanos);
            if (sinceRenewal.compareTo(configuration.lease()) >= 0) {
                stepDown("the lease could not be renewed for " + sinceRenewal.toMillis() + " ms ("
                        + failure.getMessage() + ")");
            } else {
                LOG.warn("could not renew the ledger's leader lease (epoch {}); still within it, retrying: {}",
                        epoch, failure.getMessage());
            }
        }
    }

    private void stepDown(String why) {
        long epoch = leadership.epoch();
        leadership.standBy();
        LOG.warn("this instance ({}) no longer leads the ledger (epoch {}): {}; stopping its duties",
                leadership.instanceId(), epoch, why);
        duties.end();
    }

    private boolean pause(Duration wait) {
        try {
            return !stopRequested.await(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Stops trying; if this instance leads, ends its duties and releases the lease so a standby takes over at
     * once. Called at shutdown, before the connection pool closes.
     */
    @Override
    public void close() {
        stopRequested.countDown();
        Thread running = thread;
        if (running != null) {
            try {
                running.join(Duration.ofSeconds(30).toMillis());
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (this) {
            long epoch = leadership.epoch();
            if (epoch <= 0) {
                return;
            }
            leadership.standBy();
            duties.end();
            try {
                leases.release(leadership.instanceId(), epoch);
                LOG.info("released the ledger's leader lease (epoch {})", epoch);
            } catch (RuntimeException failure) {
                LOG.warn("could not release the ledger's leader lease (epoch {}); a standby takes over when it "
                        + "expires: {}", epoch, failure.getMessage());
            }
        }
    }
}
