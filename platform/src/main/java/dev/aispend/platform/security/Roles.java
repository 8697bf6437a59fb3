package dev.aispend.platform.security;

import java.util.List;
import java.util.Set;

/**
 * The roles a caller may hold (docs/security.md has the whole matrix). A token or API key carries any number of
 * them; an endpoint names the roles it admits, and one that names none is refused to everybody.
 */
public final class Roles {
    /** Writes usage and outcomes (OTLP, the JSON API, LiteLLM, provider imports); reads nothing. */
    public static final String INGEST_CLIENT = "ingest-client";
    /** Asks for pre-flight checks and releases reservations (a gateway or agent before it spends). */
    public static final String GATEWAY = "gateway";
    /** Reads the reports of their own teams, without people, and their own badges. */
    public static final String TEAM_MEMBER = "team-member";
    /** Reads the reports of their own teams, people (pseudonymous refs) included. */
    public static final String TEAM_LEAD = "team-lead";
    /** Changes rules: rate cards, budgets, phases, badges, anomaly rules, re-ratings, flag clearances. */
    public static final String POLICY_OWNER = "policy-owner";
    /** Reads every report and the ledger; writes nothing. */
    public static final String FINANCE_AUDITOR = "finance-auditor";
    /** Replays, verifications, re-derivations, proofs, rebuilds, re-identification. */
    public static final String COMPLIANCE_OFFICER = "compliance-officer";
    /** API keys and the identity directory. */
    public static final String ADMIN = "admin";

    public static final List<String> ALL = List.of(INGEST_CLIENT, GATEWAY, TEAM_MEMBER, TEAM_LEAD, POLICY_OWNER,
            FINANCE_AUDITOR, COMPLIANCE_OFFICER, ADMIN);

    /** The roles limited to the caller's own teams: a caller holding only these sees no other team. */
    public static final Set<String> TEAM_SCOPED = Set.of(TEAM_MEMBER, TEAM_LEAD);

    private Roles() {
    }

    public static boolean isKnown(String role) {
        return ALL.contains(role);
    }
}
