package dev.aispend.demo;

import java.util.Objects;

/**
 * The bearer credentials (tokens or API keys, without {@code Bearer }) the loader sends: an ingest client for
 * usage, outcomes and webhooks, an admin for the directory, a policy owner for budgets and phases, a finance
 * auditor for the reports and the ledger's head; and the secret GitHub webhook deliveries are signed with.
 */
public record DemoCredentials(String ingestClient, String admin, String policyOwner, String financeAuditor,
                              String githubWebhookSecret) {

    public DemoCredentials {
        Objects.requireNonNull(ingestClient, "ingestClient");
        Objects.requireNonNull(admin, "admin");
        Objects.requireNonNull(policyOwner, "policyOwner");
        Objects.requireNonNull(financeAuditor, "financeAuditor");
        Objects.requireNonNull(githubWebhookSecret, "githubWebhookSecret");
    }

    /** One credential holding every role the loader needs. */
    public static DemoCredentials single(String token, String githubWebhookSecret) {
        return new DemoCredentials(token, token, token, token, githubWebhookSecret);
    }

    String forDelivery(Delivery delivery) {
        if (delivery instanceof DirectoryDelivery) {
            return admin;
        }
        return delivery.service() == Delivery.Service.POLICY ? policyOwner : ingestClient;
    }

    @Override
    public String toString() {
        return "DemoCredentials[redacted]";
    }
}
