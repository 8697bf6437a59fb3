package dev.aispend.policy.rules;

import dev.aispend.contracts.ledger.IdentityLinked;
import dev.aispend.contracts.ledger.PolicyChangeRejected;
import dev.aispend.contracts.ledger.PolicyChanged;
import dev.aispend.contracts.policy.PolicyKind;
import dev.aispend.platform.ledger.LedgerCheckpoint;
import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The policy projection's tables: policy versions, what became of each change request, and each person's
 * attribution. Writes run on the projection's connection (inside its transaction); reads are read-only
 * transactions of their own.
 */
@Singleton
public class PolicyStore {
    private final ConnectionOperations<Connection> connections;
    private final PolicyRows rows;

    PolicyStore(ConnectionOperations<Connection> connections, PolicyRows rows) {
        this.connections = connections;
        this.rows = rows;
    }

    void recordVersion(Connection connection, PolicyChanged changed, long position) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO policy_version (policy_id, version, kind, content, diff, actor, request_id, effective_from,
                    requested_at, ledger_position)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            insert.setString(1, changed.policyId());
            insert.setLong(2, changed.version());
            insert.setString(3, changed.kind().name());
            insert.setString(4, rows.write(changed.content()));
            insert.setString(5, rows.write(changed.diff()));
            insert.setString(6, changed.actor());
            insert.setString(7, changed.requestId());
            insert.setString(8, changed.effectiveFrom().toString());
            insert.setString(9, changed.occurredAt().toString());
            insert.setLong(10, position);
            insert.executeUpdate();
        }
        status(connection, changed.requestId(), changed.policyId(), changed.kind(), "RECORDED",
                changed.version() - 1, changed.version(), null, null, changed.actor(), position);
    }

    void recordRejection(Connection connection, PolicyChangeRejected rejected, long position) throws SQLException {
        status(connection, rejected.requestId(), rejected.policyId(), rejected.kind(), "REJECTED",
                rejected.expectedVersion(), null, rejected.currentVersion(), rejected.reason(), rejected.actor(),
                position);
    }

    /** The link with the latest effective time wins; at equal times the later one (this one) does. */
    void recordLink(Connection connection, IdentityLinked link, long position) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement("""
                INSERT INTO person_attribution (person_ref, team, cost_center, effective_from_epoch_nanos,
                    ledger_position)
                VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (person_ref) DO UPDATE SET team = EXCLUDED.team, cost_center = EXCLUDED.cost_center,
                    effective_from_epoch_nanos = EXCLUDED.effective_from_epoch_nanos,
                    ledger_position = EXCLUDED.ledger_position
                WHERE person_attribution.effective_from_epoch_nanos <= EXCLUDED.effective_from_epoch_nanos""")) {
            upsert.setString(1, link.personRef());
            upsert.setString(2, link.team());
            upsert.setString(3, link.costCenter());
            upsert.setBigDecimal(4, epochNanos(link.occurredAt()));
            upsert.setLong(5, position);
            upsert.executeUpdate();
        }
    }

    private static java.math.BigDecimal epochNanos(java.time.Instant instant) {
        return java.math.BigDecimal.valueOf(instant.getEpochSecond()).movePointRight(9)
                .add(java.math.BigDecimal.valueOf(instant.getNano()));
    }

    /** Marks {@code position} as the last that changed the rules checks read (policies, people). */
    void advanceRulesHead(Connection connection, long position) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE policy_rules_head SET rules_position = ? WHERE id = 1 AND rules_position < ?")) {
            update.setLong(1, position);
            update.setLong(2, position);
            update.executeUpdate();
        }
    }

    private void status(Connection connection, String requestId, String policyId, PolicyKind kind, String status,
                        long expectedVersion, Long version, Long currentVersion, String reason, String actor,
                        long position) throws SQLException {
        // A request id the ledger answered before keeps its first answer: the ledger records a retry once.
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO policy_change_status (request_id, policy_id, kind, status, expected_version, version,
                    current_version, reason, actor, ledger_position)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (request_id) DO NOTHING""")) {
            insert.setString(1, requestId);
            insert.setString(2, policyId);
            insert.setString(3, kind.name());
            insert.setString(4, status);
            insert.setLong(5, expectedVersion);
            insert.setObject(6, version);
            insert.setObject(7, currentVersion);
            insert.setString(8, reason);
            insert.setString(9, actor);
            insert.setLong(10, position);
            insert.executeUpdate();
        }
    }

    /**
     * On the projection's connection: every budget version recorded before {@code position}, by budget and
     * version, so the reader can keep each budget's latest readable one (as the evaluator does).
     */
    public List<PolicyVersion> budgetsBefore(Connection connection, long position) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + PolicyRows.VERSION_COLUMNS
                + " FROM policy_version WHERE kind = 'BUDGET' AND ledger_position < ? ORDER BY policy_id, version")) {
            select.setLong(1, position);
            List<PolicyVersion> found = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    found.add(rows.version(row));
                }
            }
            return found;
        }
    }

    /**
     * On the projection's connection: how many budget versions were recorded before {@code position}, and the last
     * position among them (0 when none): versions are a function of the ledger prefix, so the same two numbers mean
     * the same versions ({@link dev.aispend.policy.decision.BudgetEvaluation} keeps them parsed between deliveries).
     */
    public BudgetVersionsMark budgetVersionsBefore(Connection connection, long position) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT count(*), coalesce(max(ledger_position), 0)"
                + " FROM policy_version WHERE kind = 'BUDGET' AND ledger_position < ?")) {
            select.setLong(1, position);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return new BudgetVersionsMark(row.getLong(1), row.getLong(2));
            }
        }
    }

    /** How many budget versions lie before a position, and the last position among them (0 when none). */
    public record BudgetVersionsMark(long count, long lastPosition) {
    }

    /** Deletes everything the projection wrote, for a rebuild from position 1. */
    void reset(Connection connection) throws SQLException {
        try (var statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM policy_version");
            statement.executeUpdate("DELETE FROM policy_change_status");
            statement.executeUpdate("DELETE FROM person_attribution");
            statement.executeUpdate("UPDATE policy_rules_head SET rules_position = 0");
        }
    }

    @ReadOnly
    public Optional<ChangeStatus> status(String requestId) {
        return query("SELECT * FROM policy_change_status WHERE request_id = ?", List.of(requestId), rows::status)
                .stream().findFirst();
    }

    /** The current (highest) version of every policy of {@code kind}, by policy id. */
    @ReadOnly
    public List<PolicyVersion> currentOf(PolicyKind kind) {
        return query("SELECT DISTINCT ON (policy_id) " + PolicyRows.VERSION_COLUMNS
                + " FROM policy_version WHERE kind = ? ORDER BY policy_id, version DESC", List.of(kind.name()),
                rows::version);
    }

    @ReadOnly
    public Optional<PolicyVersion> current(String policyId) {
        return query("SELECT " + PolicyRows.VERSION_COLUMNS
                + " FROM policy_version WHERE policy_id = ? ORDER BY version DESC LIMIT 1", List.of(policyId),
                rows::version).stream().findFirst();
    }

    @ReadOnly
    public List<PolicyVersion> versions(String policyId) {
        return query("SELECT " + PolicyRows.VERSION_COLUMNS
                + " FROM policy_version WHERE policy_id = ? ORDER BY version", List.of(policyId), rows::version);
    }

    /** Every version of every policy of {@code kind}, in ledger order: what a rate card book is built from. */
    @ReadOnly
    public List<PolicyVersion> allOf(PolicyKind kind) {
        return query("SELECT " + PolicyRows.VERSION_COLUMNS
                + " FROM policy_version WHERE kind = ? ORDER BY ledger_position", List.of(kind.name()),
                rows::version);
    }

    @ReadOnly
    public Map<String, PersonAttribution> people() {
        Map<String, PersonAttribution> people = new LinkedHashMap<>();
        query("SELECT person_ref, team, cost_center FROM person_attribution", List.of(),
                row -> new PersonAttribution(row.getString(1), row.getString(2), row.getString(3)))
                .forEach(person -> people.put(person.personRef(), person));
        return people;
    }

    /** The last ledger position that changed the rules checks read. */
    @ReadOnly
    public long rulesPosition() {
        return query("SELECT rules_position FROM policy_rules_head WHERE id = 1", List.of(),
                row -> row.getLong(1)).stream().findFirst().orElse(0L);
    }

    /** The ledger position the policy projection has applied. */
    @ReadOnly
    public long appliedPosition() {
        return appliedPosition(PolicyProjection.NAME);
    }

    /** The ledger position projection {@code projection} of this service has applied (0 before any). */
    @ReadOnly
    public long appliedPosition(String projection) {
        return LedgerCheckpoint.read(connections.getConnectionStatus().getConnection(), projection);
    }

    /** The policy tables' content as of one rules position: every budget and rate card version, the people. */
    public record StoredRules(long position, List<PolicyVersion> budgets, List<PolicyVersion> rateCards,
                              Map<String, PersonAttribution> people) {
    }

    /**
     * The checkpoint and the tables read in one repeatable-read transaction, so they agree: the rules are
     * exactly the ledger's up to {@code position}, never newer.
     */
    @Transactional(readOnly = true, isolation = TransactionDefinition.Isolation.REPEATABLE_READ)
    public StoredRules storedRules() {
        return new StoredRules(rulesPosition(), allOf(PolicyKind.BUDGET), allOf(PolicyKind.RATE_CARD),
                people());
    }

    private interface RowReader<T> {
        T read(ResultSet row) throws SQLException;
    }

    private <T> List<T> query(String sql, List<String> parameters, RowReader<T> reader) {
        Connection connection = connections.getConnectionStatus().getConnection();
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            for (int index = 0; index < parameters.size(); index++) {
                select.setString(index + 1, parameters.get(index));
            }
            List<T> found = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    found.add(reader.read(row));
                }
            }
            return found;
        } catch (SQLException failure) {
            throw new IllegalStateException("could not read the policy tables", failure);
        }
    }
}
