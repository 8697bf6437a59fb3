package dev.aispend.ledger.query;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Entries put straight into the ledger table for {@link LedgerQueryIT}: the database trigger gives each its
 * position and seal and copies the audit attributes out of its payload, as for an append by the service. Nine
 * hand-made entries in January 2026 (one recorded out of occurrence order, one without occurredAt), then
 * {@value #BULK} spend entries of team {@code qa-bulk} in February, enough for a CSV export of several batches.
 */
final class LedgerQueryFixtures {
    static final int BULK = 2100;
    static final Instant BULK_START = Instant.parse("2026-02-01T00:00:00Z");

    /** One entry as inserted, and the position the ledger gave it. */
    record Fixture(String eventId, String eventType, @Nullable String team, @Nullable String personRef,
                   @Nullable String source, @Nullable String policyId, @Nullable String model,
                   @Nullable Instant occurredAt, Instant recordedAt, @Nullable Long costUsdMicros, long position) {

        Fixture at(long assigned) {
            return new Fixture(eventId, eventType, team, personRef, source, policyId, model, occurredAt,
                    recordedAt, costUsdMicros, assigned);
        }

        Map<String, Object> payload() {
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("recordId", eventId);
            putPresent(payload, "team", team);
            putPresent(payload, "personRef", personRef);
            putPresent(payload, "source", source);
            putPresent(payload, "policyId", policyId);
            putPresent(payload, "model", model);
            putPresent(payload, "occurredAt", occurredAt == null ? null : occurredAt.toString());
            if (costUsdMicros != null) {
                payload.put("spend", Map.of("costUsdMicros", costUsdMicros, "tokens", Map.of("inputTokens", 10)));
            }
            // Quotes, a comma and a line break, so the CSV export must quote this payload to keep it whole.
            payload.put("note", "checked, \"as is\"\nby the query test");
            return payload;
        }

        private static void putPresent(Map<String, Object> payload, String name, @Nullable Object value) {
            if (value != null) {
                payload.put(name, value);
            }
        }
    }

    private final List<Fixture> fixtures;

    private LedgerQueryFixtures(List<Fixture> fixtures) {
        this.fixtures = List.copyOf(fixtures);
    }

    List<Fixture> all() {
        return fixtures;
    }

    /** Positions of the inserted entries that match, in ledger order. */
    List<Long> positions(Predicate<Fixture> matching) {
        return fixtures.stream().filter(matching).map(Fixture::position).sorted().toList();
    }

    static LedgerQueryFixtures insert(String jdbcUrl, String user, String password, JsonMapper json)
            throws SQLException, IOException {
        List<Fixture> wanted = new ArrayList<>(handMade());
        for (int index = 0; index < BULK; index++) {
            Instant occurredAt = BULK_START.plus(Duration.ofMinutes(index));
            wanted.add(new Fixture("bulk-" + index, "SpendRecorded", "qa-bulk", "p-bulk-" + index % 7, "api", null,
                    "m-bulk", occurredAt, occurredAt.plusSeconds(1), (long) index, 0));
        }
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, password)) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO DomainEventEntry "
                    + "(aggregateIdentifier, sequenceNumber, type, eventIdentifier, payload, payloadRevision, "
                    + "payloadType, timeStamp) VALUES (?, 0, 'query-it', ?, ?, '1', ?, ?)")) {
                for (Fixture fixture : wanted) {
                    insert.setString(1, "query-it:" + fixture.eventId());
                    insert.setString(2, fixture.eventId());
                    insert.setBytes(3, json.writeValueAsBytes(fixture.payload()));
                    insert.setString(4, fixture.eventType());
                    insert.setString(5, fixture.recordedAt().toString());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            connection.commit();
            Map<String, Long> positions = positionsByEventId(connection);
            return new LedgerQueryFixtures(wanted.stream()
                    .map(fixture -> fixture.at(positions.get(fixture.eventId()))).toList());
        }
    }

    /** Every position in the ledger, in order, read directly: what paging through the API must visit. */
    static List<Long> ledgerPositions(String jdbcUrl, String user, String password) throws SQLException {
        List<Long> positions = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, password);
             PreparedStatement select = connection.prepareStatement(
                     "SELECT ledgerPosition FROM DomainEventEntry ORDER BY ledgerPosition");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                positions.add(rows.getLong(1));
            }
        }
        return positions;
    }

    private static Map<String, Long> positionsByEventId(Connection connection) throws SQLException {
        Map<String, Long> positions = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT eventIdentifier, ledgerPosition FROM DomainEventEntry WHERE type = 'query-it'");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                positions.put(rows.getString(1), rows.getLong(2));
            }
        }
        return positions;
    }

    private static List<Fixture> handMade() {
        return List.of(
                fixture("f1", "SpendRecorded", "qa-platform", "p-alice", "api", null, "m-sonnet", "01T10:00:00",
                        "01T10:00:05", 1500L),
                fixture("f2", "SpendRecorded", "qa-data", "p-bob", "otel", null, "m-haiku", "02T10:00:00",
                        "02T10:00:05", 2500L),
                fixture("f3", "OutcomeRecorded", "qa-platform", "p-alice", "api", null, null, "03T10:00:00",
                        "03T10:00:05", null),
                fixture("f4", "PolicyDecisionRecorded", "qa-platform", null, null, "qa-budget-1", null,
                        "03T12:00:00", "03T12:00:05", null),
                fixture("f5", "SpendRecorded", "qa-platform", "p-carol", "otel", null, "m-sonnet", "04T10:00:00",
                        "04T10:00:05", 0L),
                fixture("f6", "IdentityLinked", null, "p-alice", null, null, null, null, "05T10:00:05", null),
                fixture("f7", "UsageConflictFlagged", "qa-data", "p-bob", "api", null, "m-haiku", "06T10:00:00",
                        "06T10:00:05", null),
                // Recorded a day late, after f9 was recorded: position order is not recordedAt order.
                fixture("f8", "SpendRecorded", "qa-platform", "p-alice", "api", null, "m-sonnet", "07T10:00:00",
                        "08T09:00:00", 42L),
                fixture("f9", "PolicyDecisionRecorded", "qa-data", null, null, "qa-budget-2", null, "07T12:00:00",
                        "07T12:00:05", null));
    }

    /** Days and times are of January 2026, UTC. */
    private static Fixture fixture(String eventId, String eventType, String team, String personRef, String source,
                                   String policyId, String model, String occurredAt, String recordedAt,
                                   Long costUsdMicros) {
        return new Fixture(eventId, eventType, team, personRef, source, policyId, model,
                occurredAt == null ? null : january(occurredAt), january(recordedAt), costUsdMicros, 0);
    }

    static Instant january(String dayAndTime) {
        return Instant.parse("2026-01-" + dayAndTime + "Z");
    }
}
