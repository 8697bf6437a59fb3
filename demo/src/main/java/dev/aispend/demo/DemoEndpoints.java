package dev.aispend.demo;

/** Where the four services listen, e.g. {@code http://127.0.0.1:8081}. */
public record DemoEndpoints(String ingest, String ledger, String policy, String report) {

    public static DemoEndpoints local() {
        return new DemoEndpoints("http://127.0.0.1:8081", "http://127.0.0.1:8082", "http://127.0.0.1:8083",
                "http://127.0.0.1:8084");
    }

    String base(Delivery.Service service) {
        return service == Delivery.Service.POLICY ? policy : ingest;
    }
}
