package dev.aispend.report.support;

import dev.aispend.contracts.ledger.LedgerEnvelope;
import dev.aispend.contracts.ledger.LedgerPayload;
import dev.aispend.devstack.Wait;
import dev.aispend.report.fixture.ReportMonth;
import dev.aispend.testsupport.ledger.LedgerFollowerFixture;
import dev.aispend.testsupport.ledger.ProjectionDatabase;
import dev.aispend.testsupport.ledger.TestLedger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What a report-service integration test stands on: the follower fixture (own database, ledger topic, consumer
 * group), and helpers to publish entries, wait until the serving generation applied them, and read reports.
 */
public final class ReportTestSystem implements AutoCloseable {
    public static final Duration WITHIN = Duration.ofSeconds(60);

    private final LedgerFollowerFixture fixture = LedgerFollowerFixture.create("report");

    public Map<String, String> applicationProperties(Map<String, String> more) {
        java.util.HashMap<String, String> properties = new java.util.HashMap<>(fixture.applicationProperties());
        properties.putAll(more);
        return properties;
    }

    public TestLedger ledger() {
        return fixture.ledger();
    }

    public ProjectionDatabase database() {
        return fixture.database();
    }

    public void publish(List<LedgerEnvelope> envelopes) {
        fixture.publish(envelopes);
    }

    /** Publishes the entries and waits until the serving generation applied the last of them. */
    public void publishAndAwait(List<LedgerEnvelope> envelopes) {
        publish(envelopes);
        awaitApplied(envelopes.get(envelopes.size() - 1).position());
    }

    /** Appends the payloads to this system's ledger, publishes them and waits until they are applied. */
    public void appendAndAwait(List<LedgerPayload> payloads) {
        List<LedgerEnvelope> entries = payloads.stream().map(ledger()::append).toList();
        publish(entries);
        awaitApplied(ledger().position());
    }

    /** Publishes the fixture month (ReportMonth) whole and waits until it is applied. */
    public void publishMonth() {
        publishAndAwait(ReportMonth.envelopes());
    }

    /** Publishes the fixture month's entries up to {@code position} (included) and waits for them. */
    public void publishMonthThrough(long position) {
        publishAndAwait(ReportMonth.envelopes().subList(0, (int) position));
    }

    /** Publishes the fixture month's entries after {@code position} and waits for them. */
    public void publishMonthAfter(long position) {
        List<LedgerEnvelope> envelopes = ReportMonth.envelopes();
        publishAndAwait(envelopes.subList((int) position, envelopes.size()));
    }

    /** What a test reads from the reports while the ledger stands at a position. */
    @FunctionalInterface
    public interface Answer<T> {
        T read() throws IOException;
    }

    /**
     * Publishes the fixture month in two halves split after {@code position}: reads {@code answer} once the first
     * half is applied, then publishes the rest and waits for it. Returns what was served at {@code position}.
     */
    public <T> T publishMonthKeeping(long position, Answer<T> answer) throws IOException {
        publishMonthThrough(position);
        T served = answer.read();
        publishMonthAfter(position);
        return served;
    }

    /** A port nothing listens on right now. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    /** The ledger position the serving generation's reports have applied. */
    public long applied() {
        List<List<Object>> active = database().query(
                "SELECT generation FROM report_generation WHERE state = 'ACTIVE'");
        if (active.isEmpty()) {
            return 0;
        }
        List<List<Object>> rows = database().query("SELECT applied_position FROM report_g" + active.get(0).get(0)
                + ".ledger_checkpoint WHERE projection = 'reports'");
        return rows.isEmpty() ? 0 : ((Number) rows.get(0).get(0)).longValue();
    }

    public void awaitApplied(long position) {
        Wait.until("reports applied through position " + position, WITHIN, () -> applied() >= position);
    }

    @Override
    public void close() {
        fixture.close();
    }
}
