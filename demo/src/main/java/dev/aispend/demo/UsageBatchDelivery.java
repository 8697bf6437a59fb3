package dev.aispend.demo;

/** Usage records of the internal tools, ingest's own JSON API. */
public record UsageBatchDelivery(String name, byte[] body, long spendRecords) implements Delivery {
    @Override
    public Service service() {
        return Service.INGEST;
    }

    @Override
    public String path() {
        return "/v1/usage/batch";
    }
}
