package dev.aispend.demo;

/** Claude Code's metric exports, OTLP/HTTP JSON. */
public record OtlpMetricsDelivery(String name, byte[] body, long spendRecords) implements Delivery {
    @Override
    public Service service() {
        return Service.INGEST;
    }

    @Override
    public String path() {
        return "/v1/metrics";
    }
}
