package dev.aispend.demo;

/** A team's phase set through POST /v1/phases (policy owner). */
public record PhaseDelivery(String name, String id, byte[] body) implements Delivery {
    @Override
    public Service service() {
        return Service.POLICY;
    }

    @Override
    public String path() {
        return "/v1/phases";
    }

    /** Where the policy is read back once recorded: a second load finds it there and sends nothing. */
    public String recordedPath() {
        return path() + "/" + id;
    }
}
