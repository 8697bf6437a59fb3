package dev.aispend.ledger.leadership;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Whether this instance leads the ledger, and with which epoch (the fencing token of its lease). Only the leader
 * appends, publishes ledger.v1, signs checkpoints and runs replays; an appending transaction asks
 * {@link #epochToAppendWith()} and checks that epoch against the lease row in the same transaction (AppendStore),
 * so being told "you lead" here is never enough on its own to append.
 */
@Singleton
public final class Leadership {
    private final String instanceId;
    private volatile long epoch;

    Leadership(LeadershipConfiguration configuration, MeterRegistry meters) {
        this.instanceId = configuration.instanceId().isBlank() ? defaultInstanceId() : configuration.instanceId();
        Gauge.builder("aispend.ledger.leader", this, leadership -> leadership.isLeader() ? 1 : 0)
                .description("1 on the ledger instance that leads (appends and publishes), 0 on a standby")
                .register(meters);
        Gauge.builder("aispend.ledger.leader.epoch", this, leadership -> leadership.epoch)
                .description("the fencing epoch of this instance's lease while it leads, 0 on a standby")
                .register(meters);
    }

    /** This instance's name in the lease row. */
    public String instanceId() {
        return instanceId;
    }

    public boolean isLeader() {
        return epoch > 0;
    }

    /** The epoch this instance leads with; refuses on a standby (503 to an HTTP caller, docs/operations.md). */
    public long epochToAppendWith() {
        long current = epoch;
        if (current <= 0) {
            throw new LedgerStandbyException(instanceId);
        }
        return current;
    }

    void lead(long acquiredEpoch) {
        if (acquiredEpoch <= 0) {
            throw new IllegalArgumentException("an epoch is positive: " + acquiredEpoch);
        }
        epoch = acquiredEpoch;
    }

    void standBy() {
        epoch = 0;
    }

    long epoch() {
        return epoch;
    }

    private static String defaultInstanceId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException unknown) {
            host = "unknown-host";
        }
        String name = host + "/" + ManagementFactory.getRuntimeMXBean().getPid();
        return name.length() <= LeadershipConfiguration.MAX_INSTANCE_ID_LENGTH ? name
                : name.substring(0, LeadershipConfiguration.MAX_INSTANCE_ID_LENGTH);
    }
}
