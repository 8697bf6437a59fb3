package dev.aispend.demo;

/** The directory's people, one batch (POST /v1/directory/people/batch, admin). */
public record DirectoryDelivery(String name, byte[] body) implements Delivery {
    @Override
    public Service service() {
        return Service.INGEST;
    }

    @Override
    public String path() {
        return "/v1/directory/people/batch";
    }
}
