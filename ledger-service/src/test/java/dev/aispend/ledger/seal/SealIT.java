package dev.aispend.ledger.seal;

import dev.aispend.audit.OfflineVerifier;
import dev.aispend.contracts.Topics;
import dev.aispend.contracts.usage.UsageRecord;
import dev.aispend.devstack.Wait;
import dev.aispend.ledger.IntakeSender;
import dev.aispend.ledger.LedgerTestProperties;
import dev.aispend.ledger.TestLedgerDatabase;
import dev.aispend.ledger.UsageMother;
import dev.aispend.ledger.entries.LedgerEntryStore;
import dev.aispend.testsupport.TestInfrastructure;
import dev.aispend.testsupport.TestPostgres;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tamper evidence end to end: entries recorded through the real intake on real PostgreSQL and Kafka, two signed
 * checkpoints, then damage done directly in the database (triggers off, as someone with full database access
 * could) and undone after each case. Verification must name the first bad position and the kind of damage, and
 * raise no alarm on the untouched ledger. Proofs from the running service are checked by the offline verifier.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SealIT implements TestPropertyProvider {
    private static final Duration WITHIN = Duration.ofSeconds(60);
    private static final String TOPIC_PREFIX = "seal-it.";

    @Inject
    JsonMapper json;
    @Inject
    LedgerEntryStore entries;
    @Inject
    @Client("/")
    HttpClient http;
    private TestLedgerDatabase database;

    @Override
    public Map<String, String> getProperties() {
        TestPostgres postgres = TestInfrastructure.postgres();
        String jdbcUrl = postgres.createDatabase("ledger_seal");
        database = new TestLedgerDatabase(jdbcUrl, postgres.user(), postgres.password());
        Map<String, String> properties = LedgerTestProperties.of(postgres, jdbcUrl, TOPIC_PREFIX, "seal-it");
        // Checkpoints only when the test asks (POST /v1/ledger/checkpoints).
        properties.put("ledger.seal.checkpoint-every-entries", "1000000000");
        properties.put("ledger.seal.checkpoint-every", "1h");
        return properties;
    }

    @BeforeAll
    void recordTwentyEntriesWithACheckpointAfterTenAndTwenty() throws Exception {
        appendUsage(1, 10);
        assertThat(checkpointNow()).containsEntry("treeSize", 10);
        appendUsage(11, 20);
        assertThat(checkpointNow()).containsEntry("treeSize", 20);
    }

    @Test
    void verifies_the_untouched_ledger_with_both_checkpoints() {
        Map<String, Object> report = verify();
        assertThat(report).containsEntry("verified", true).containsEntry("verifiedEntries", 20)
                .containsEntry("checkpointsVerified", 2).doesNotContainKey("damage");
    }

    @Test
    void names_the_position_whose_payload_byte_was_changed() throws Exception {
        backup("ledgerPosition = 5");
        database.tamper("UPDATE DomainEventEntry SET payload = set_byte(payload, 59, get_byte(payload, 59) # 1) "
                + "WHERE ledgerPosition = 5");
        try {
            assertDamage(5, "HASH_MISMATCH");
        } finally {
            restore();
        }
    }

    @Test
    void names_the_position_of_a_deleted_row() throws Exception {
        backup("ledgerPosition = 7");
        database.tamper("DELETE FROM DomainEventEntry WHERE ledgerPosition = 7");
        try {
            assertDamage(7, "MISSING_POSITION");
        } finally {
            restore();
        }
        assertThat(verify()).containsEntry("verified", true);
    }

    @Test
    void names_the_first_of_two_swapped_rows() throws Exception {
        backup("ledgerPosition IN (3, 9)");
        database.tamper(swap(3, 9));
        try {
            assertDamage(3, "BROKEN_LINK");
        } finally {
            restore();
        }
        assertThat(verify()).containsEntry("verified", true);
    }

    @Test
    void names_the_position_of_an_inserted_row() throws Exception {
        backup("ledgerPosition >= 6");
        database.tamper(
                "UPDATE DomainEventEntry SET ledgerPosition = -(ledgerPosition + 1) WHERE ledgerPosition >= 6",
                "UPDATE DomainEventEntry SET ledgerPosition = -ledgerPosition WHERE ledgerPosition < 0",
                "INSERT INTO DomainEventEntry (aggregateIdentifier, sequenceNumber, type, eventIdentifier, metaData, "
                        + "payload, payloadRevision, payloadType, timeStamp, ledgerPosition, previousHash, entryHash, "
                        + "recordedAt) SELECT 'forged', 0, type, 'forged-event', metaData, payload, payloadRevision, "
                        + "payloadType, timeStamp, 6, previousHash, entryHash, recordedAt "
                        + "FROM DomainEventEntry WHERE ledgerPosition = 7");
        try {
            assertDamage(6, "HASH_MISMATCH");
        } finally {
            database.tamper("DELETE FROM DomainEventEntry WHERE eventIdentifier = 'forged-event'");
            restore();
        }
        assertThat(verify()).containsEntry("verified", true);
    }

    @Test
    void only_the_signed_checkpoint_catches_a_row_rewritten_with_its_hash_and_every_later_hash() throws Exception {
        backup("ledgerPosition >= 11");
        database.tamper("UPDATE DomainEventEntry SET payload = replace(convert_from(payload, 'UTF8'), '\"inputTokens\":11',"
                        + " '\"inputTokens\":1')::bytea WHERE ledgerPosition = 11",
                rechainFrom(11));
        try {
            Map<String, Object> report = verify();
            assertThat(report).containsEntry("verified", false).containsEntry("damage", "CHECKPOINT_MISMATCH")
                    .containsEntry("firstBadPosition", 11).containsEntry("checkpointNumber", 2)
                    .containsEntry("checkpointsVerified", 1);
        } finally {
            restore();
        }
        assertThat(verify()).containsEntry("verified", true);
    }

    @Test
    void names_the_position_whose_indexed_column_no_longer_matches_its_payload() throws Exception {
        backup("ledgerPosition = 8");
        database.tamper("UPDATE DomainEventEntry SET team = 'someone-else' WHERE ledgerPosition = 8");
        try {
            assertDamage(8, "ATTRIBUTE_MISMATCH");
        } finally {
            restore();
        }
    }

    @Test
    void names_a_schema_version_rewritten_to_another_spelling_of_the_same_number() throws Exception {
        backup("ledgerPosition = 4");
        database.tamper("UPDATE DomainEventEntry SET payloadRevision = '01' WHERE ledgerPosition = 4");
        try {
            assertDamage(4, "HASH_MISMATCH");
        } finally {
            restore();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void runs_a_long_verification_as_a_job_to_follow() {
        io.micronaut.http.HttpResponse<Map> started = http.toBlocking().exchange(
                HttpRequest.POST("/v1/ledger/verifications", Map.of()), Map.class);
        assertThat(started.code()).isEqualTo(202);
        String location = started.header("Location");
        Map<String, Object>[] status = new Map[1];
        Wait.until("the verification job to complete", WITHIN, () -> {
            status[0] = http.toBlocking().retrieve(HttpRequest.GET(location), Map.class);
            return "COMPLETED".equals(status[0].get("state"));
        });
        assertThat(status[0]).containsEntry("entriesRead", 20);
        assertThat((Map<String, Object>) status[0].get("report")).containsEntry("verified", true)
                .containsEntry("verifiedEntries", 20);
    }

    @Test
    void verifies_a_range_from_the_checkpoint_before_it() {
        @SuppressWarnings("unchecked")
        Map<String, Object> report = http.toBlocking().retrieve(HttpRequest.GET("/v1/ledger/verify?from=15&to=20"),
                Map.class);
        assertThat(report).containsEntry("verified", true).containsEntry("verifiedEntries", 6)
                .containsEntry("checkpointsVerified", 1);
    }

    @Test
    void hands_out_proofs_the_offline_verifier_accepts(@TempDir Path directory) throws Exception {
        Path key = write(directory, "key.json", http.toBlocking().retrieve("/v1/ledger/public-key"));
        Path proof = write(directory, "proof.json",
                http.toBlocking().retrieve("/v1/ledger/entries/7/proof?checkpoint=1"));
        Path consistency = write(directory, "consistency.json",
                http.toBlocking().retrieve("/v1/ledger/checkpoints/consistency?from=1&to=2"));
        Path oldCheckpoint = write(directory, "checkpoint-1.json",
                http.toBlocking().retrieve("/v1/ledger/checkpoints/1"));

        assertThat(offline("entry", "--proof", proof, "--public-key", key)).startsWith("OK");
        assertThat(offline("consistency", "--proof", consistency, "--public-key", key, "--old", oldCheckpoint))
                .startsWith("OK");
        assertThat(offline("checkpoint", "--checkpoint", oldCheckpoint, "--public-key", key)).startsWith("OK");
    }

    private String offline(Object... arguments) {
        String[] text = java.util.Arrays.stream(arguments).map(String::valueOf).toArray(String[]::new);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = OfflineVerifier.run(text, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        String output = out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(output).isZero();
        return output;
    }

    private void assertDamage(long position, String damage) {
        Map<String, Object> report = verify();
        assertThat(report).as(report.toString()).containsEntry("verified", false)
                .containsEntry("firstBadPosition", (int) position).containsEntry("damage", damage);
    }

    /** Swaps two rows' positions (through a free value, as ledgerPosition is unique). */
    private static String[] swap(long first, long second) {
        return new String[] {
            "UPDATE DomainEventEntry SET ledgerPosition = -1 WHERE ledgerPosition = " + first,
            "UPDATE DomainEventEntry SET ledgerPosition = " + first + " WHERE ledgerPosition = " + second,
            "UPDATE DomainEventEntry SET ledgerPosition = " + second + " WHERE ledgerPosition = -1"};
    }

    /** Recomputes every hash from {@code position} on with the ledger's own function: a careful forger. */
    private static String rechainFrom(long position) {
        return "DO $$ DECLARE row DomainEventEntry; previous BYTEA; BEGIN "
                + "SELECT entryHash INTO previous FROM DomainEventEntry WHERE ledgerPosition = " + (position - 1) + "; "
                + "FOR row IN SELECT * FROM DomainEventEntry WHERE ledgerPosition >= " + position
                + " ORDER BY ledgerPosition LOOP "
                + "UPDATE DomainEventEntry SET previousHash = previous, entryHash = sha256(ledger_entry_bytes(previous, "
                + "row.ledgerPosition, row.eventIdentifier, row.payloadType, row.payloadRevision, row.timeStamp, "
                + "row.payload)) WHERE globalIndex = row.globalIndex RETURNING entryHash INTO previous; END LOOP; "
                + "UPDATE ledger_head SET last_hash = previous; END $$";
    }

    /** Keeps a copy of the rows a case will damage, and the head. */
    private void backup(String rowsWhere) throws Exception {
        database.execute("CREATE TABLE IF NOT EXISTS tamper_backup AS SELECT * FROM DomainEventEntry WHERE false");
        database.execute("INSERT INTO tamper_backup SELECT * FROM DomainEventEntry WHERE " + rowsWhere);
    }

    /** Puts the copied rows back exactly as they were (triggers off), and the head's hash with them. */
    private void restore() throws Exception {
        database.tamper("DELETE FROM DomainEventEntry WHERE globalIndex IN (SELECT globalIndex FROM tamper_backup)",
                "INSERT INTO DomainEventEntry SELECT * FROM tamper_backup", "DELETE FROM tamper_backup",
                "UPDATE ledger_head SET last_hash = (SELECT entryHash FROM DomainEventEntry "
                        + "WHERE ledgerPosition = (SELECT max(ledgerPosition) FROM DomainEventEntry))");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> verify() {
        return http.toBlocking().retrieve(HttpRequest.GET("/v1/ledger/verify"), Map.class);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> checkpointNow() {
        return http.toBlocking().retrieve(HttpRequest.POST("/v1/ledger/checkpoints", ""), Map.class);
    }

    private void appendUsage(int first, int last) throws Exception {
        try (IntakeSender sender = new IntakeSender(TestInfrastructure.kafka().bootstrapServers(), json)) {
            for (int number = first; number <= last; number++) {
                UsageRecord record = UsageMother.record("seal-" + number, "platform", number, 1);
                sender.send(TOPIC_PREFIX + Topics.USAGE_V1, record.team(), record);
            }
        }
        Wait.until("ledger recorded through position " + last, WITHIN,
                () -> entries.head().lastPosition() >= last);
        assertThat(entries.head().lastPosition()).isEqualTo(last);
    }

    private static Path write(Path directory, String name, String content) throws Exception {
        return Files.writeString(directory.resolve(name), content, StandardCharsets.UTF_8);
    }
}
