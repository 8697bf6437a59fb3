package dev.aispend.ledger.query;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The SQL of an audit query: every value is a bind parameter, never part of the text, so a filter value cannot
 * change the statement. Each criterion compares a column as stored, so the V2 indexes (type, team, person and
 * policy with position; occurredAt; recordedAt) serve it, and the keyset {@code ledgerPosition > ?} with
 * {@code ORDER BY ledgerPosition} resumes a page where the last one ended without counting skipped rows.
 */
final class LedgerQuerySql {
    static final String COLUMNS = "ledgerPosition, eventIdentifier, payloadType, payloadRevision, timeStamp, "
            + "occurredAt, previousHash, entryHash, payload, team, personRef, source, policyId, model";

    private LedgerQuerySql() {
    }

    /** A statement's text and its bind values, in placeholder order. */
    record Statement(String sql, List<Object> parameters) {
        Statement {
            parameters = Collections.unmodifiableList(new ArrayList<>(parameters));
        }
    }

    /** At most {@code rows} entries the filter selects after position {@code after}, in position order. */
    static Statement select(LedgerFilter filter, long after, int rows) {
        StringBuilder where = new StringBuilder("ledgerPosition > ?");
        List<Object> parameters = new ArrayList<>();
        parameters.add(after);
        compare(where, parameters, "occurredAt >= ?", timestamp(filter.occurredFrom()));
        compare(where, parameters, "occurredAt < ?", timestamp(filter.occurredTo()));
        compare(where, parameters, "recordedAt >= ?", timestamp(filter.recordedFrom()));
        compare(where, parameters, "recordedAt < ?", timestamp(filter.recordedTo()));
        compare(where, parameters, "team = ?", filter.team());
        compare(where, parameters, "personRef = ?", filter.personRef());
        compare(where, parameters, "source = ?", filter.source());
        compare(where, parameters, "policyId = ?", filter.policyId());
        if (!filter.eventTypes().isEmpty()) {
            where.append(" AND payloadType IN (")
                    .append(String.join(", ", Collections.nCopies(filter.eventTypes().size(), "?")))
                    .append(')');
            parameters.addAll(filter.eventTypes());
        }
        parameters.add(rows);
        return new Statement("SELECT " + COLUMNS + " FROM DomainEventEntry WHERE " + where
                + " ORDER BY ledgerPosition LIMIT ?", parameters);
    }

    private static void compare(StringBuilder where, List<Object> parameters, String condition, Object value) {
        if (value != null) {
            where.append(" AND ").append(condition);
            parameters.add(value);
        }
    }

    /** PostgreSQL's driver binds an OffsetDateTime as timestamptz, the type of occurredAt and recordedAt. */
    private static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
