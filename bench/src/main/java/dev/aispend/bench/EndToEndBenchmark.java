package dev.aispend.bench;

import java.net.http.HttpClient;
import java.util.Map;

/**
 * One usage phase on its own ({@link UsagePhase}, closed loop): N demo-shaped usage records through the JSON API,
 * one per request or in batches, until the spend report shows all of them; then the PostgreSQL COPY ceiling on the
 * same server, and the ratios. The whole run with every phase is {@link Benchmark}. Asserts nothing.
 *
 * <p>{@code java -cp bench/target/bench.jar dev.aispend.bench.EndToEndBenchmark [--records=200000]
 * [--concurrency=64] [--batch-size=1] [--copy-rows=200000] [--ingest=URL] [--ledger=URL] [--report=URL]
 * [--ledger-jdbc=URL] [--jdbc-user=U] [--jdbc-password=P]}
 */
public final class EndToEndBenchmark {
    private EndToEndBenchmark() {
    }

    public static void main(String[] arguments) throws Exception {
        BenchOptions options = BenchOptions.parse(arguments);
        HttpClient client = BenchHttpClient.create();
        RunOptions.Urls urls = new RunOptions.Urls(options.ingestUrl(), options.ledgerUrl(), null,
                options.reportUrl(), options.ledgerJdbcUrl(), null, options.jdbcUser(), options.jdbcPassword(), null);
        System.out.printf("pushing %,d records, %d per request, %d requests in flight...%n", options.records(),
                options.batchSize(), options.concurrency());
        Map<String, Object> usage = UsagePhase.run(client, urls, new UsagePhase.Plan("records", options.records(),
                options.batchSize(), options.concurrency(), 0), options.visibleTimeoutSeconds());
        System.out.printf("measuring PostgreSQL COPY of %,d event-store-shaped rows...%n", options.copyRows());
        double copyRate = CopyCeiling.measure(options.ledgerJdbcUrl(), options.jdbcUser(), options.jdbcPassword(),
                options.copyRows());
        double endToEnd = (double) usage.get("endToEndRecordsPerSecond");
        double append = (double) usage.get("ledgerPositionsPerSecondWhileMoving");
        System.out.println();
        usage.forEach((name, value) -> System.out.printf("%-36s %s%n", name, value));
        System.out.printf("%-36s %,.0f rows/s%n", "PostgreSQL COPY ceiling", copyRate);
        System.out.printf("%-36s %.1f %%%n", "ledger append / COPY", 100 * append / copyRate);
        System.out.printf("%-36s %.1f %%%n", "end to end / COPY", 100 * endToEnd / copyRate);
    }
}
