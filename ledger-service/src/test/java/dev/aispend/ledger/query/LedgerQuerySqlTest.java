package dev.aispend.ledger.query;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LedgerQuerySqlTest {
    private static final String HOSTILE = "x' OR '1'='1";

    @Test
    void pages_the_whole_ledger_by_position_without_filters() {
        LedgerQuerySql.Statement statement = LedgerQuerySql.select(LedgerFilter.everything(), 7, 101);

        assertThat(statement.sql()).isEqualTo("SELECT " + LedgerQuerySql.COLUMNS
                + " FROM DomainEventEntry WHERE ledgerPosition > ? ORDER BY ledgerPosition LIMIT ?");
        assertThat(statement.parameters()).containsExactly(7L, 101);
    }

    @Test
    void binds_every_filter_value_and_never_writes_one_into_the_text() {
        Instant from = Instant.parse("2026-11-01T00:00:00Z");
        Instant to = Instant.parse("2026-12-01T00:00:00Z");
        LedgerFilter filter = new LedgerFilter(from, to, from, to, HOSTILE, "p-1", List.of("SpendRecorded",
                "SpendRepriced"), "api", "budget-1");

        LedgerQuerySql.Statement statement = LedgerQuerySql.select(filter, 0, 10);

        assertThat(statement.sql()).doesNotContain(HOSTILE, "p-1", "SpendRecorded", "api", "budget-1", "2026")
                .contains("occurredAt >= ?", "occurredAt < ?", "recordedAt >= ?", "recordedAt < ?", "team = ?",
                        "personRef = ?", "source = ?", "policyId = ?", "payloadType IN (?, ?)")
                .endsWith("ORDER BY ledgerPosition LIMIT ?");
        assertThat(statement.sql().chars().filter(character -> character == '?').count())
                .isEqualTo(statement.parameters().size());
        OffsetDateTime fromUtc = from.atOffset(ZoneOffset.UTC);
        OffsetDateTime toUtc = to.atOffset(ZoneOffset.UTC);
        assertThat(statement.parameters()).containsExactly(0L, fromUtc, toUtc, fromUtc, toUtc, HOSTILE, "p-1",
                "api", "budget-1", "SpendRecorded", "SpendRepriced", 10);
    }

    @Test
    void adds_only_the_criteria_given() {
        LedgerFilter filter = new LedgerFilter(null, Instant.parse("2026-11-01T00:00:00Z"), null, null, null, null,
                List.of(), null, "budget-1");

        LedgerQuerySql.Statement statement = LedgerQuerySql.select(filter, 3, 5);

        assertThat(statement.sql()).contains("WHERE ledgerPosition > ? AND occurredAt < ? AND policyId = ? ORDER")
                .doesNotContain("team = ?", "IN (");
        assertThat(statement.parameters()).hasSize(4);
    }
}
