package dev.aispend.demo;

/** A budget created through POST /v1/budgets (policy owner). */
public record BudgetDelivery(String name, byte[] body) implements Delivery {
    @Override
    public Service service() {
        return Service.POLICY;
    }

    @Override
    public String path() {
        return "/v1/budgets";
    }
}
