package dev.aispend.system;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who may call what: every route of every service, with the roles it admits (docs/security.md has the same
 * table). The access matrix test reads the routes from the running services and fails on a route missing here,
 * so a route added later must be given its roles in this table (and in the code) before the suite passes again.
 */
final class AccessMatrix {
    /** Anyone, without credentials. */
    static final Set<String> ANONYMOUS = Set.of("anonymous");
    /** Anyone with valid credentials and at least one of the roles. */
    static final Set<String> AUTHENTICATED = Set.of("authenticated");

    private static final String I = "ingest-client";
    private static final String G = "gateway";
    private static final String M = "team-member";
    private static final String L = "team-lead";
    private static final String P = "policy-owner";
    private static final String F = "finance-auditor";
    private static final String C = "compliance-officer";
    private static final String A = "admin";

    static final List<String> ROLES = List.of(I, G, M, L, P, F, C, A);
    private static final Set<String> REPORT_READERS = Set.of(M, L, P, F, C);
    private static final Set<String> RULE_READERS = Set.of(P, F, C);
    private static final Set<String> AUDITORS = Set.of(F, C);

    /** "METHOD /path/template" (as the service's /routes names it, without query templates) to the roles. */
    static final Map<String, Set<String>> ROUTES = routes();

    private AccessMatrix() {
    }

    private static Map<String, Set<String>> routes() {
        Map<String, Set<String>> routes = new LinkedHashMap<>();
        for (String path : List.of("/health", "/health/{selector}", "/prometheus")) {
            routes.put("GET " + path, ANONYMOUS);
        }
        routes.put("GET /routes", AUTHENTICATED);
        // ingest-service
        for (String path : List.of("/v1/metrics", "/v1/logs", "/v1/traces", "/v1/usage", "/v1/usage/batch",
                "/v1/outcomes", "/v1/outcomes/batch", "/v1/integrations/litellm",
                "/v1/imports/anthropic/usage-report", "/v1/imports/anthropic/cost-report",
                "/v1/imports/anthropic/claude-code-report", "/v1/imports/openai/usage", "/v1/imports/openai/costs")) {
            routes.put("POST " + path, Set.of(I));
        }
        routes.put("POST /v1/webhooks/github", ANONYMOUS);
        for (String path : List.of("/v1/directory/people", "/v1/directory/people/batch", "/v1/directory/import")) {
            routes.put("POST " + path, Set.of(A));
        }
        routes.put("GET /v1/directory/people/{person}", Set.of(A));
        routes.put("GET /v1/directory/aliases", Set.of(A));
        routes.put("POST /v1/api-keys", Set.of(A));
        routes.put("GET /v1/api-keys", Set.of(A));
        routes.put("GET /v1/api-keys/{id}", Set.of(A));
        routes.put("DELETE /v1/api-keys/{id}", Set.of(A));
        routes.put("POST /v1/directory/reidentifications", Set.of(C));
        // ledger-service
        routes.put("POST /v1/ledger/repricings", Set.of(P));
        routes.put("GET /v1/ledger/public-key", ANONYMOUS);
        for (String path : List.of("/v1/ledger/checkpoints", "/v1/ledger/checkpoints/latest",
                "/v1/ledger/checkpoints/{number:[0-9]+}", "/v1/ledger/checkpoints/consistency",
                "/v1/ledger/entries/{position:[0-9]+}/proof", "/v1/ledger/verify", "/v1/ledger/verifications/{id}",
                "/v1/ledger/head", "/v1/ledger/entries")) {
            routes.put("GET " + path, AUDITORS);
        }
        routes.put("POST /v1/ledger/checkpoints", Set.of(C));
        routes.put("POST /v1/ledger/verifications", Set.of(C));
        routes.put("POST /v1/ledger/replays", Set.of(C));
        routes.put("GET /v1/ledger/replays/{id}", Set.of(C));
        routes.put("DELETE /v1/ledger/replays/{id}", Set.of(C));
        routes.put("POST /v1/ledger/replays/{id}/cancel", Set.of(C));
        routes.put("POST /v1/projections/{name}/rebuild", Set.of(C));
        // policy-service
        routes.put("POST /v1/decisions/verifications", Set.of(C));
        routes.put("GET /v1/decisions/verifications/{id}", AUDITORS);
        for (String rules : List.of("/v1/phases", "/v1/anomaly-rules", "/v1/badges", "/v1/budgets", "/v1/rate-cards")) {
            routes.put("GET " + rules, RULE_READERS);
            routes.put("POST " + rules, Set.of(P));
            routes.put("GET " + rules + "/{id}", RULE_READERS);
            routes.put("PUT " + rules + "/{id}", Set.of(P));
            routes.put("GET " + rules + "/{id}/versions", RULE_READERS);
        }
        routes.put("GET /v1/policy-changes/{requestId}", RULE_READERS);
        routes.put("POST /v1/rate-cards/{id}/repricings", Set.of(P));
        routes.put("GET /v1/team-phases", REPORT_READERS);
        routes.put("GET /v1/badge-awards", REPORT_READERS);
        routes.put("GET /v1/flags", Set.of(L, P, F, C));
        routes.put("GET /v1/flags/{decisionId}", RULE_READERS);
        routes.put("POST /v1/flags/{decisionId}/clearance", Set.of(P));
        routes.put("GET /v1/teams/{team}/spend", REPORT_READERS);
        routes.put("POST /v1/checks", Set.of(G));
        routes.put("GET /v1/checks/reservations/{reservationId}", Set.of(G));
        routes.put("DELETE /v1/checks/reservations/{reservationId}", Set.of(G));
        // report-service
        for (String report : List.of("spend", "efficiency", "distribution", "budgets", "gamification", "anomalies")) {
            routes.put("GET /v1/reports/" + report, REPORT_READERS);
        }
        routes.put("GET /v1/reports/cfo-summary", RULE_READERS);
        routes.put("GET /v1/reports/focus", AUDITORS);
        for (String audit : List.of("policy-changes", "decisions", "ledger")) {
            routes.put("GET /v1/reports/audit/" + audit, RULE_READERS);
        }
        routes.put("GET /v1/reports/digests", AUDITORS);
        routes.put("POST /v1/reports/rebuilds", Set.of(C));
        routes.put("GET /v1/reports/rebuilds", AUDITORS);
        routes.put("GET /v1/reports/rebuilds/{generation}", AUDITORS);
        routes.put("DELETE /v1/reports/rebuilds/{generation}", Set.of(C));
        // report-service's pages: shells holding no data, whose scripts call the reports above with the reader's
        // token (docs/dashboard.md).
        for (String page : List.of("/", "/cfo", "/teams/{team}")) {
            routes.put("GET " + page, ANONYMOUS);
        }
        return routes;
    }

    /** Whether {@code role} (or "anonymous" for no credentials) may call a route admitting {@code admitted}. */
    static boolean admits(Set<String> admitted, String role) {
        if (admitted == ANONYMOUS) {
            return true;
        }
        if (role.equals("anonymous")) {
            return false;
        }
        return admitted == AUTHENTICATED || admitted.contains(role);
    }
}
