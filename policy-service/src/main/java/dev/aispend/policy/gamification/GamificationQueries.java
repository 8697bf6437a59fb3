package dev.aispend.policy.gamification;

import dev.aispend.platform.ledger.LedgerTransactions;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the gamification tables for the API. Awards and flags come in ledger order (never by tokens or spend);
 * each row's evidence is returned as the JSON object the ledger recorded.
 */
@Singleton
public class GamificationQueries {
    private final LedgerTransactions transactions;
    private final JsonMapper json;

    GamificationQueries(LedgerTransactions transactions, JsonMapper json) {
        this.transactions = transactions;
        this.json = json;
    }

    public List<Map<String, Object>> phases() {
        return rows("SELECT team, phase, how, policy_id, policy_version, decision_id, ledger_position, decided_at, "
                + "evidence FROM team_phase ORDER BY team");
    }

    public List<Map<String, Object>> awards(@Nullable String team, @Nullable String personRef, long afterPosition,
                                            int limit) {
        return rows("""
                SELECT decision_id, person_ref, team, badge_id, badge_version, tier, window_key, ledger_position,
                    decided_at, evidence FROM badge_award
                WHERE (?::text IS NULL OR team = ?) AND (?::text IS NULL OR person_ref = ?) AND ledger_position > ?
                ORDER BY ledger_position, decision_id LIMIT ?""",
                team, team, personRef, personRef, afterPosition, limit);
    }

    public List<Map<String, Object>> flags(@Nullable String team, String status, long afterPosition, int limit) {
        return rows("""
                SELECT decision_id, person_ref, team, rule_id, rule_version, window_key, flagged_spend_usd_micros,
                    ledger_position, decided_at, cleared_decision_id, cleared_by, cleared_reason, cleared_at,
                    cleared_position, evidence FROM anomaly_flag
                WHERE (?::text IS NULL OR team = ?) AND ledger_position > ?
                    AND (? = 'ALL' OR (? = 'OPEN') = (cleared_decision_id IS NULL))
                ORDER BY ledger_position, decision_id LIMIT ?""",
                team, team, afterPosition, status, status, limit);
    }

    /**
     * The spend of open flags, in USD micros: what is "under review". A person flagged by several rules in one
     * window counts that window's spend once (the largest flagged figure); a week and the month around it are
     * different windows and may overlap.
     */
    public long underReviewUsdMicros(@Nullable String team) {
        List<Map<String, Object>> total = rows("""
                SELECT coalesce(sum(window_spend), 0) AS total FROM (
                    SELECT max(flagged_spend_usd_micros) AS window_spend FROM anomaly_flag
                    WHERE cleared_decision_id IS NULL AND (?::text IS NULL OR team = ?)
                    GROUP BY person_ref, window_key) AS flagged""",
                team, team);
        return ((Number) total.get(0).get("total")).longValue();
    }

    @Nullable
    public Map<String, Object> flag(String decisionId) {
        List<Map<String, Object>> found = rows("""
                SELECT decision_id, person_ref, team, rule_id, rule_version, window_key, flagged_spend_usd_micros,
                    ledger_position, decided_at, cleared_decision_id, cleared_by, cleared_reason, cleared_at,
                    cleared_position, evidence FROM anomaly_flag WHERE decision_id = ?""", decisionId);
        return found.isEmpty() ? null : found.get(0);
    }

    /** Runs {@code sql} with its parameters (a missing filter is SQL NULL); every row, its columns in camelCase. */
    private List<Map<String, Object>> rows(String sql, @Nullable Object... parameters) {
        return transactions.inTransaction(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int index = 0; index < parameters.length; index++) {
                    statement.setObject(index + 1, parameters[index]);
                }
                try (ResultSet result = statement.executeQuery()) {
                    return read(result);
                }
            } catch (SQLException failure) {
                throw new IllegalStateException("could not read the gamification tables", failure);
            }
        });
    }

    private List<Map<String, Object>> read(ResultSet result) throws SQLException {
        ResultSetMetaData columns = result.getMetaData();
        List<Map<String, Object>> rows = new ArrayList<>();
        while (result.next()) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (int column = 1; column <= columns.getColumnCount(); column++) {
                String name = camel(columns.getColumnLabel(column));
                Object value = result.getObject(column);
                row.put(name, "evidence".equals(name) && value != null ? parse(value.toString()) : value);
            }
            rows.add(row);
        }
        return rows;
    }

    private Object parse(String evidence) {
        try {
            return json.readValue(evidence, Map.class);
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    private static String camel(String column) {
        StringBuilder name = new StringBuilder();
        boolean upper = false;
        for (char character : column.toCharArray()) {
            if (character == '_') {
                upper = true;
            } else {
                name.append(upper ? Character.toUpperCase(character) : character);
                upper = false;
            }
        }
        return name.toString();
    }
}
