package dev.aispend.demo;

import java.util.Map;

/**
 * One HTTP request of the demo month, exactly as its client sends it: the service, the path, the bytes, the
 * headers. Named so a refused one can be told ({@code otlp metrics 12 of chunk 2025-11-03}).
 */
public sealed interface Delivery permits DirectoryDelivery, OtlpMetricsDelivery, OtlpLogsDelivery, LiteLlmDelivery,
        UsageBatchDelivery, GithubDelivery, BudgetDelivery, PhaseDelivery {

    /** Which service takes it. */
    enum Service { INGEST, POLICY }

    String name();

    Service service();

    String path();

    byte[] body();

    /** The usage records ingest counts as spend from this delivery (0 for evidence, outcomes and set-up). */
    default long spendRecords() {
        return 0;
    }

    default Map<String, String> headers() {
        return Map.of("Content-Type", "application/json");
    }
}
