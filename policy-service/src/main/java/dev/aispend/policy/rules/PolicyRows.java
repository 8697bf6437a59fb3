package dev.aispend.policy.rules;

import dev.aispend.contracts.ledger.PolicyChanged;
import dev.aispend.contracts.policy.PolicyKind;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Policy versions and change statuses to and from their PostgreSQL rows: contents and diffs as JSON text, instants
 * as ISO-8601 text, both exactly as the ledger recorded them.
 */
@Singleton
public class PolicyRows {
    static final String VERSION_COLUMNS = "policy_id, kind, version, content, diff, actor, request_id, "
            + "effective_from, requested_at, ledger_position";
    private static final Argument<Map<String, Object>> CONTENT = Argument.mapOf(String.class, Object.class);
    private static final Argument<List<PolicyChanged.ContentChange>> DIFF =
            Argument.listOf(PolicyChanged.ContentChange.class);

    private final JsonMapper json;

    PolicyRows(JsonMapper json) {
        this.json = json;
    }

    PolicyVersion version(ResultSet row) throws SQLException {
        return new PolicyVersion(row.getString(1), PolicyKind.valueOf(row.getString(2)), row.getLong(3),
                read(row.getString(4), CONTENT), read(row.getString(5), DIFF), row.getString(6), row.getString(7),
                Instant.parse(row.getString(8)), Instant.parse(row.getString(9)), row.getLong(10));
    }

    ChangeStatus status(ResultSet row) throws SQLException {
        return new ChangeStatus(row.getString("request_id"), row.getString("policy_id"),
                PolicyKind.valueOf(row.getString("kind")), ChangeStatus.Outcome.valueOf(row.getString("status")),
                row.getLong("expected_version"), nullableLong(row, "version"),
                nullableLong(row, "current_version"), row.getString("reason"), row.getString("actor"),
                row.getLong("ledger_position"));
    }

    String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException failure) {
            throw new UncheckedIOException("could not write a policy's JSON", failure);
        }
    }

    private <T> T read(String text, Argument<T> type) {
        try {
            return json.readValue(text, type);
        } catch (IOException failure) {
            throw new UncheckedIOException("could not read a policy's stored JSON", failure);
        }
    }

    private static Long nullableLong(ResultSet row, String column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? null : value;
    }
}
