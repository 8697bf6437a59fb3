package dev.aispend.demo;

/** LiteLLM StandardLoggingPayloads, a json_array flush of the generic API callback. */
public record LiteLlmDelivery(String name, byte[] body, long spendRecords) implements Delivery {
    @Override
    public Service service() {
        return Service.INGEST;
    }

    @Override
    public String path() {
        return "/v1/integrations/litellm";
    }
}
