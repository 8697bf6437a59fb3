package dev.aispend.demo;

/** Claude Code's api_request events, OTLP/HTTP JSON. */
public record OtlpLogsDelivery(String name, byte[] body) implements Delivery {
    @Override
    public Service service() {
        return Service.INGEST;
    }

    @Override
    public String path() {
        return "/v1/logs";
    }
}
