package dev.aispend.system;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aispend.devstack.Wait;
import dev.aispend.testsupport.TestInfrastructure;
import dev.aispend.testsupport.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12's scale-out on one machine: two instances each of ingest, ledger, policy and report against one
 * PostgreSQL and a Kafka broker with partitioned usage topics, and one instance of each killed with SIGKILL, one at
 * a time, while usage streams in (ingest while it accepts, the ledger's leader while it appends, policy and report
 * while they follow ledger.v1). Afterwards: every accepted record is recorded exactly once, the ledger's positions
 * are gapless and its hash chain verifies, every policy decision re-derives and none is doubled, and the surviving
 * report's read models equal those of a report instance built afresh from ledger.v1.
 */
class ScaleOutIT {
    private static final Logger LOG = LoggerFactory.getLogger(ScaleOutIT.class);
    private static final Duration WITHIN = Duration.ofSeconds(180);
    private static final int RECORDS = 2400;
    /** Slow enough that the stream still runs when the last instance is killed (about 40 s of usage). */
    private static final int RECORDS_PER_SECOND = 60;
    private static final String TEAMS_PREFIX = "scale-team-";
    private static RunningSystem system;

    @BeforeAll
    static void startSystem() {
        system = RunningSystem.start("scale", Map.of("policy-service", Map.of("POLICY_SEED_RATE_CARDS", "true")), 2);
    }

    @AfterAll
    static void stopSystem() {
        if (system != null) {
            system.close();
        }
    }

    @Test
    void loses_and_doubles_nothing_when_one_instance_of_each_service_is_killed_mid_stream() throws Exception {
        String policy = system.url("policy-service");
        PolicyCalls.await(() -> JsonHttp.get(policy + "/v1/rate-cards").body(),
                cards -> cards.get("rateCards").size() >= 3, WITHIN, "the default rate cards to be seeded");
        assertThat(JsonHttp.send("POST", policy + "/v1/budgets", """
                {"id": "scale-monthly", "name": "Scale-out team, monthly", "scope": {"team": "scale-team-0"},
                 "period": {"unit": "MONTH", "timeZone": "UTC"}, "amountUsdMicros": 3000000,
                 "softThresholdsPercent": [25, 50, 75], "hardCap": true}""").status()).isEqualTo(201);

        UsageStream stream = UsageStream.start(List.of(system.url("ingest-service"), system.url("ingest-service#2")),
                RECORDS, RECORDS_PER_SECOND, TEAMS_PREFIX);
        stream.awaitAccepted(RECORDS / 6, WITHIN);
        system.kill("ingest-service");
        LOG.info("killed ingest-service (1 of 2) after {} records accepted", stream.accepted());

        stream.awaitAccepted(RECORDS / 3, WITHIN);
        String leader = system.ledgerLeader().orElseThrow();
        String standby = leader.equals("ledger-service") ? "ledger-service#2" : "ledger-service";
        awaitLedgerHead(leader, 1);
        long killedAt = System.nanoTime();
        system.kill(leader);
        Wait.until("the standby ledger instance to lead", WITHIN, () -> system.ledgerLeader().isPresent());
        LOG.info("killed the leading ledger instance {}; {} led {} ms later", leader, standby,
                Duration.ofNanos(System.nanoTime() - killedAt).toMillis());
        long headAfterFailover = ledgerHead(standby);
        awaitLedgerHead(standby, headAfterFailover + 1);

        String policyKilled = busiestFollower("policy-service", "policy-service#2", headAfterFailover);
        system.kill(policyKilled);
        LOG.info("killed {} (of 2) at ledger head {}", policyKilled, ledgerHead(standby));
        String reportKilled = busiestFollower("report-service", "report-service#2", ledgerHead(standby));
        system.kill(reportKilled);
        LOG.info("killed {} (of 2) at ledger head {}", reportKilled, ledgerHead(standby));
        assertThat(stream.accepted()).as("the stream still runs").isLessThan(RECORDS);
        String policySurvivor = survivor(policyKilled, "policy-service", "policy-service#2");
        String reportSurvivor = survivor(reportKilled, "report-service", "report-service#2");

        stream.awaitAll(WITHIN);
        assertThat(stream.accepted()).isEqualTo(RECORDS);
        assertRecordedOnceGaplessAndVerified(standby);
        assertPolicyAndReportsCountEverything(standby, policySurvivor, reportSurvivor, stream);
    }

    private static void assertRecordedOnceGaplessAndVerified(String ledger) {
        Wait.until("every record in the ledger (" + ledger + ")", WITHIN, () -> count(
                "SELECT count(*) FROM DomainEventEntry WHERE payloadType = 'SpendRecorded'") == RECORDS);
        Wait.until("the policy decisions of the stream recorded", WITHIN, () -> decisionKinds(ledger)
                .contains("BUDGET_EXHAUSTED"));
        long head = ledgerHead(ledger);
        assertThat(count("SELECT count(*) FROM DomainEventEntry")).isEqualTo(head);
        assertThat(count("SELECT count(DISTINCT ledgerPosition) FROM DomainEventEntry "
                + "WHERE ledgerPosition BETWEEN 1 AND " + head)).isEqualTo(head);
        assertThat(count("SELECT count(DISTINCT aggregateIdentifier) FROM DomainEventEntry "
                + "WHERE payloadType = 'SpendRecorded'")).isEqualTo(RECORDS);
        List<String> kinds = decisionKinds(ledger);
        assertThat(kinds.stream().filter("BUDGET_THRESHOLD_CROSSED"::equals)).hasSize(3);
        assertThat(kinds.stream().filter("BUDGET_EXHAUSTED"::equals)).hasSize(1);
        JsonNode verified = JsonHttp.get(system.url(ledger) + "/v1/ledger/verify").body();
        assertThat(verified.get("verified").asBoolean()).as(verified.toPrettyString()).isTrue();
        assertThat(verified.get("verifiedEntries").asLong()).isEqualTo(head);
    }

    private static void assertPolicyAndReportsCountEverything(String ledger, String policyInstance,
                                                              String reportInstance, UsageStream stream) {
        long head = ledgerHead(ledger);
        String policy = system.url(policyInstance);
        for (int team = 0; team < UsageStream.TEAMS; team++) {
            String url = policy + "/v1/teams/" + TEAMS_PREFIX + team + "/spend";
            int teamIndex = team;
            JsonNode spend = PolicyCalls.await(() -> JsonHttp.get(url).body(),
                    body -> body.get("records").asLong() >= stream.recordsOf(teamIndex), WITHIN,
                    "policy to count team " + team);
            assertThat(spend.get("records").asLong()).isEqualTo(stream.recordsOf(team));
            assertThat(spend.get("inputTokens").asLong()).isEqualTo(stream.inputTokensOfTeam(team));
        }
        JsonNode verification = PolicyCalls.verify(policy, WITHIN);
        JsonNode result = verification.get("result");
        assertThat(result.get("mismatchCount").asLong() + result.get("missingCount").asLong()
                + result.get("extraCount").asLong()).as(result.toPrettyString()).isZero();

        awaitReportAt(reportInstance, stream, head);
        JsonNode totals = JsonHttp.get(system.url(reportInstance)
                + "/v1/reports/spend?" + stream.reportPeriod() + "&asOf=" + head).body().get("totals");
        assertThat(totals.get("records").asLong()).isEqualTo(RECORDS);
        assertThat(totals.at("/tokens/input").asLong()).isEqualTo(stream.totalInputTokens());

        // A report instance of its own (database, consumer group) builds every read model afresh from ledger.v1.
        TestPostgres postgres = TestInfrastructure.postgres();
        system.startAnother("report-service", "report-rebuilt", Map.of(
                "DB_URL", postgres.createDatabase("report_scale_rebuilt"),
                "REPORT_LEDGER_CONSUMER_GROUP", "report-scale-rebuilt"));
        awaitReportAt("report-rebuilt", stream, head);
        JsonNode live = JsonHttp.get(system.url(reportInstance) + "/v1/reports/digests?asOf=" + head).body();
        JsonNode rebuilt = JsonHttp.get(system.url("report-rebuilt") + "/v1/reports/digests?asOf=" + head).body();
        assertThat(rebuilt.get("readModels")).isEqualTo(live.get("readModels"));
    }

    /**
     * Of two instances following ledger.v1 in one consumer group, the one handling its batches: the one whose
     * follower last handled a batch, once that batch came after ledger position {@code after} was recorded (both
     * may hold some of the groups; the busier one is the one to kill mid-stream).
     */
    private static String busiestFollower(String first, String second, long after) {
        Instant afterTime = Instant.now();
        Wait.until(first + " or " + second + " handling ledger.v1 past position " + after, WITHIN,
                () -> lastBatchHandledAt(first).isAfter(afterTime) || lastBatchHandledAt(second).isAfter(afterTime));
        return lastBatchHandledAt(first).isAfter(lastBatchHandledAt(second)) ? first : second;
    }

    private static Instant lastBatchHandledAt(String instance) {
        return JsonHttp.get(system.url(instance) + "/health").body().findValues("lastBatchHandledAt").stream()
                .map(value -> Instant.parse(value.asText())).max(Instant::compareTo).orElse(Instant.EPOCH);
    }

    private static String survivor(String killed, String first, String second) {
        return killed.equals(first) ? second : first;
    }

    private static void awaitReportAt(String reportInstance, UsageStream stream, long position) {
        Wait.until(reportInstance + " at ledger position " + position, WITHIN, () -> JsonHttp.get(
                system.url(reportInstance) + "/v1/reports/spend?" + stream.reportPeriod()).body()
                .at("/asOf/ledgerPosition").asLong() >= position);
    }

    private static void awaitLedgerHead(String ledger, long position) {
        Wait.until(ledger + " head at " + position, WITHIN, () -> ledgerHead(ledger) >= position);
    }

    private static long ledgerHead(String ledger) {
        return JsonHttp.get(system.url(ledger) + "/v1/ledger/head").body().get("lastPosition").asLong();
    }

    private static List<String> decisionKinds(String ledger) {
        JsonNode page = JsonHttp.get(system.url(ledger)
                + "/v1/ledger/entries?eventType=PolicyDecisionRecorded&limit=1000").body();
        List<String> kinds = new java.util.ArrayList<>();
        page.get("entries").forEach(entry -> kinds.add(entry.get("payload").get("kind").asText()));
        return kinds;
    }

    private static long count(String sql) {
        TestPostgres postgres = TestInfrastructure.postgres();
        try (Connection connection = DriverManager.getConnection(system.databaseUrl("ledger-service"),
                postgres.user(), postgres.password());
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException failure) {
            throw new IllegalStateException(sql, failure);
        }
    }
}
