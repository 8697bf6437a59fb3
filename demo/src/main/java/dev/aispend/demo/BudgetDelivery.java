package dev.aispend.demo;

/** A budget created through POST /v1/budgets (policy owner). */
public record BudgetDelivery(String name, String id, byte[] body) implements Delivery {
    @Override
    public Service service() {
        return Service.POLICY;
    }

    @Override
    public String path() {
        return "/v1/budgets";
    }

    /** Where the policy is read back once recorded: a second load finds it there and sends nothing. */
    public String recordedPath() {
        return path() + "/" + id;
    }
}
