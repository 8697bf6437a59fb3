package dev.aispend.ledger.leadership;

import dev.aispend.contracts.Topics;
import dev.aispend.contracts.usage.UsageRecord;
import dev.aispend.devstack.Wait;
import dev.aispend.ledger.IntakeSender;
import dev.aispend.ledger.LedgerTestProperties;
import dev.aispend.ledger.TestLedgerDatabase;
import dev.aispend.ledger.UsageMother;
import dev.aispend.ledger.append.LedgerAppender;
import dev.aispend.ledger.entries.LedgerEntryStore;
import dev.aispend.testsupport.TestInfrastructure;
import dev.aispend.testsupport.TestPostgres;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Two ledger instances on one database (ADR 0013): one leads, the other stands by and takes over when the leader
 * goes; an old leader whose lease was taken cannot append. The SIGKILL of a leader's process is in system-tests
 * (ScaleOutIT); here the instances are two application contexts in this JVM.
 */
class LeaderFailoverIT {
    private static final Duration WITHIN = Duration.ofSeconds(60);
    private final TestPostgres postgres = TestInfrastructure.postgres();

    @Test
    void one_of_two_instances_leads_and_the_standby_takes_over_when_it_stops_with_nothing_lost_or_doubled()
            throws Exception {
        String jdbcUrl = postgres.createDatabase("ledger_failover");
        String prefix = "failover-it.";
        Map<String, String> properties = properties(jdbcUrl, prefix, "2s", "500ms");
        EmbeddedServer first = start(properties, "first");
        EmbeddedServer second = start(properties, "second");
        try {
            assertThat(leads(first)).isTrue();
            assertThat(leads(second)).isFalse();
            assertThat(readinessStatus(first)).isEqualTo(200);
            assertThat(readinessStatus(second)).isEqualTo(503);
            assertThatThrownBy(() -> second.getApplicationContext().getBean(LedgerAppender.class)
                    .append(context -> null)).isInstanceOf(LedgerStandbyException.class);

            sendUsage(first, prefix, "failover-a-", 40);
            awaitHead(first, 40);

            first.getApplicationContext().close();
            Wait.until("the standby leads", Duration.ofSeconds(10), () -> leads(second));
            assertThat(readinessStatus(second)).isEqualTo(200);
            sendUsage(second, prefix, "failover-a-", 40); // redelivered: recorded once
            sendUsage(second, prefix, "failover-b-", 40);
            awaitHead(second, 80);
            Wait.until("ledger.v1 caught up", WITHIN, () -> {
                LedgerEntryStore.Head head = second.getApplicationContext().getBean(LedgerEntryStore.class).head();
                return head.lastPublishedPosition() == head.lastPosition();
            });

            TestLedgerDatabase database = new TestLedgerDatabase(jdbcUrl, postgres.user(), postgres.password());
            assertThat(database.count("SELECT count(*) FROM DomainEventEntry")).isEqualTo(80);
            assertThat(database.count("SELECT count(DISTINCT ledgerPosition) FROM DomainEventEntry "
                    + "WHERE ledgerPosition BETWEEN 1 AND 80")).isEqualTo(80);
            assertThat(database.count("SELECT epoch FROM ledger_leader")).isEqualTo(2);
        } finally {
            close(second);
            close(first);
        }
    }

    @Test
    void an_old_leader_whose_lease_was_taken_over_cannot_append() throws Exception {
        String jdbcUrl = postgres.createDatabase("ledger_fencing");
        // Renewals far apart: the instance keeps believing it leads while the test takes its lease away, as a
        // leader paused past its lease (a long GC pause, a frozen VM) would when it wakes up.
        EmbeddedServer paused = start(properties(jdbcUrl, "fencing-it.", "10m", "3m"), "paused");
        try {
            assertThat(leads(paused)).isTrue();
            TestLedgerDatabase database = new TestLedgerDatabase(jdbcUrl, postgres.user(), postgres.password());
            database.execute("UPDATE ledger_leader SET holder = 'the new leader', epoch = epoch + 1");

            assertThat(leads(paused)).isTrue();
            assertThatThrownBy(() -> paused.getApplicationContext().getBean(LedgerAppender.class)
                    .append(context -> null))
                    .isInstanceOf(LedgerStandbyException.class)
                    .hasMessageContaining("was taken over (epoch 2)");
            assertThat(database.count("SELECT count(*) FROM DomainEventEntry")).isZero();
            assertThat(database.count("SELECT last_position FROM ledger_head")).isZero();
        } finally {
            close(paused);
        }
    }

    private static Map<String, String> properties(String jdbcUrl, String prefix, String lease, String renewEvery) {
        Map<String, String> properties = new HashMap<>(LedgerTestProperties.of(TestInfrastructure.postgres(),
                jdbcUrl, prefix, prefix + "group"));
        properties.put("ledger.leadership.lease", lease);
        properties.put("ledger.leadership.renew-every", renewEvery);
        properties.put("ledger.leadership.retry-every", "200ms");
        return properties;
    }

    private static EmbeddedServer start(Map<String, String> properties, String instanceId) {
        Map<String, Object> own = new HashMap<>(properties);
        own.put("ledger.leadership.instance-id", instanceId);
        return ApplicationContext.run(EmbeddedServer.class, own, "test");
    }

    private static boolean leads(EmbeddedServer server) {
        return server.getApplicationContext().getBean(Leadership.class).isLeader();
    }

    private static int readinessStatus(EmbeddedServer server) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.getURL()
                + "/health/readiness")).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static void sendUsage(EmbeddedServer server, String prefix, String idPrefix, int count)
            throws Exception {
        JsonMapper json = server.getApplicationContext().getBean(JsonMapper.class);
        try (IntakeSender sender = new IntakeSender(TestInfrastructure.kafka().bootstrapServers(), json)) {
            for (int index = 0; index < count; index++) {
                UsageRecord record = UsageMother.record(idPrefix + index, "team-" + (index % 3), 100 + index, 10);
                sender.send(prefix + Topics.USAGE_V1, record.team(), record);
            }
        }
    }

    private static void awaitHead(EmbeddedServer server, long position) {
        LedgerEntryStore entries = server.getApplicationContext().getBean(LedgerEntryStore.class);
        Wait.until("ledger head at " + position, WITHIN, () -> entries.head().lastPosition() >= position);
        assertThat(entries.head().lastPosition()).isEqualTo(position);
    }

    private static void close(EmbeddedServer server) {
        if (server.getApplicationContext().isRunning()) {
            server.getApplicationContext().close();
        }
    }
}
