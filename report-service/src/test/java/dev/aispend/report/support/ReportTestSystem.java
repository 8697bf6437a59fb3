package dev.aispend.report.support;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aispend.contracts.ledger.LedgerEnvelope;
import dev.aispend.devstack.Wait;
import dev.aispend.testsupport.ledger.LedgerFollowerFixture;
import dev.aispend.testsupport.ledger.ProjectionDatabase;
import dev.aispend.testsupport.ledger.TestLedger;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.BlockingHttpClient;

import java.io.IOException;
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
        properties.put("report.privacy.people-visible", "true");
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

    public static JsonNode json(BlockingHttpClient http, String uri) throws IOException {
        return TestLedger.JACKSON.readTree(http.retrieve(HttpRequest.GET(uri)));
    }

    @Override
    public void close() {
        fixture.close();
    }
}
