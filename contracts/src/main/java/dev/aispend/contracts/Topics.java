package dev.aispend.contracts;

/** Kafka topic names. The suffix is the schema version of the records the topic carries. */
public final class Topics {
    /** {@link dev.aispend.contracts.usage.UsageRecord}, keyed by team, published by ingest-service. */
    public static final String USAGE_V1 = "usage.v1";
    /** {@link dev.aispend.contracts.ledger.LedgerEntry}, one partition: the ledger's total order. */
    public static final String LEDGER_V1 = "ledger.v1";

    private Topics() {
    }
}
