package dev.aispend.ledger.intake;

import dev.aispend.audit.OfflineVerifier;
import dev.aispend.contracts.Topics;
import dev.aispend.contracts.identity.IdentityLink;
import dev.aispend.contracts.identity.IdentityMessage;
import dev.aispend.contracts.identity.Reidentification;
import dev.aispend.devstack.Wait;
import dev.aispend.ledger.IntakeSender;
import dev.aispend.ledger.LedgerTestProperties;
import dev.aispend.ledger.TestLedgerDatabase;
import dev.aispend.ledger.UsageMother;
import dev.aispend.ledger.entries.LedgerEntryStore;
import dev.aispend.ledger.entries.StoredEntry;
import dev.aispend.ledger.seal.LedgerVerifier;
import dev.aispend.testsupport.TestInfrastructure;
import dev.aispend.testsupport.TestPostgres;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * identity.v1 carries two records, named by a header: a re-identification becomes a sealed PersonReidentified
 * entry exactly once, beside directory links (with the header or without it, as ingest sent them before), and a
 * message of a type this build does not know is quarantined, never guessed at. The ledger holding it verifies, online
 * and with the offline verifier.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReidentificationIntakeIT implements TestPropertyProvider {
    private static final Duration WITHIN = Duration.ofSeconds(60);
    private static final String TOPIC_PREFIX = "reidentification-it.";
    private static final String IDENTITY = TOPIC_PREFIX + Topics.IDENTITY_V1;
    private static final Instant AT = Instant.parse("2026-11-22T10:00:00Z");

    @Inject
    JsonMapper json;
    @Inject
    LedgerEntryStore entries;
    @Inject
    LedgerVerifier verifier;
    @Inject
    @Client("/")
    HttpClient http;
    private TestLedgerDatabase database;

    @Override
    public Map<String, String> getProperties() {
        TestPostgres postgres = TestInfrastructure.postgres();
        String jdbcUrl = postgres.createDatabase("ledger_reidentification");
        database = new TestLedgerDatabase(jdbcUrl, postgres.user(), postgres.password());
        return LedgerTestProperties.of(postgres, jdbcUrl, TOPIC_PREFIX, "reidentification-it");
    }

    @Test
    void records_a_reidentification_once_beside_links_with_and_without_a_type_header() throws Exception {
        long before = entries.head().lastPosition();
        Reidentification act = new Reidentification("rid-1", UsageMother.PERSON, "carl", "subpoena 2026-17",
                List.of("person", "email"), AT);
        IdentityLink legacy = link("link-legacy", "als_legacy");
        IdentityLink typed = link("link-typed", "als_typed");

        try (IntakeSender sender = new IntakeSender(TestInfrastructure.kafka().bootstrapServers(), json)) {
            sender.send(IDENTITY, "als_legacy", legacy);
            sender.send(IDENTITY, "als_typed", typed, IdentityMessage.TYPE_HEADER, IdentityMessage.LINK_V1);
            for (int delivery = 0; delivery < 2; delivery++) {
                sender.send(IDENTITY, act.personRef(), act, IdentityMessage.TYPE_HEADER,
                        IdentityMessage.REIDENTIFICATION_V1);
            }
        }

        Wait.until("three entries recorded", WITHIN, () -> entries.head().lastPosition() >= before + 3);
        List<StoredEntry> recorded = entries.entriesAfter(before, 10);
        assertThat(recorded).extracting(StoredEntry::eventType)
                .containsExactlyInAnyOrder("IdentityLinked", "IdentityLinked", "PersonReidentified");
        String payload = recorded.stream().filter(entry -> entry.eventType().equals("PersonReidentified"))
                .map(entry -> new String(entry.payload(), StandardCharsets.UTF_8)).findFirst().orElseThrow();
        assertThat(payload).contains("\"reidentificationId\":\"rid-1\"", "\"actor\":\"carl\"",
                "\"reason\":\"subpoena 2026-17\"", "\"disclosedKinds\":[\"person\",\"email\"]",
                "\"occurredAt\":\"2026-11-22T10:00:00Z\"", "\"contentSha256\":");
        // Audit queries find it by the person it re-identified.
        assertThat(count("SELECT count(*) FROM DomainEventEntry WHERE payloadType = 'PersonReidentified'"
                + " AND personRef = '" + UsageMother.PERSON + "'")).isEqualTo(1);
        long head = entries.head().lastPosition();
        assertThat(verifier.verify(1, head).verified()).isTrue();
        assertThat(offlineChain(http.toBlocking().retrieve("/v1/ledger/entries?limit=1000"))).startsWith("OK");
    }

    @Test
    void quarantines_an_identity_message_of_a_type_it_does_not_know() throws Exception {
        long quarantinedBefore = count("SELECT count(*) FROM quarantined_message");

        try (IntakeSender sender = new IntakeSender(TestInfrastructure.kafka().bootstrapServers(), json)) {
            sender.send(IDENTITY, "als_future", link("link-future", "als_future"), IdentityMessage.TYPE_HEADER,
                    "IdentityLink/2");
        }

        Wait.until("the message quarantined", WITHIN,
                () -> count("SELECT count(*) FROM quarantined_message") > quarantinedBefore);
        assertThat(count("SELECT count(*) FROM quarantined_message WHERE reason LIKE '%IdentityLink/2%'"))
                .isEqualTo(1);
    }

    /** The offline verifier's {@code chain} command over the entries as the audit API answers them. */
    private static String offlineChain(String entriesJson) throws Exception {
        Path file = Files.createTempFile("reidentification-entries", ".json");
        try {
            Files.writeString(file, entriesJson);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int exit = OfflineVerifier.run(new String[] {"chain", "--entries", file.toString()},
                    new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(out, true,
                            StandardCharsets.UTF_8));
            String output = out.toString(StandardCharsets.UTF_8);
            assertThat(exit).as(output).isZero();
            return output;
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static IdentityLink link(String linkId, String aliasRef) {
        return new IdentityLink(linkId, aliasRef, "githubLogin", UsageMother.PERSON, "platform", null, AT, AT,
                "directory");
    }

    private long count(String sql) {
        try {
            return database.count(sql);
        } catch (SQLException failure) {
            throw new IllegalStateException(failure);
        }
    }
}
