package dev.aispend.report.distribution;

import dev.aispend.report.readmodel.ReportSnapshot;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

/**
 * The people in the identity directory at an instant, as the ledger knew them at the snapshot's position: every
 * person ref with an identity link recorded at or before that position and in force before the instant, in the
 * team of their link in force then (the latest {@code effective_from} before the instant, the later position on
 * a tie), unless that team is {@value #DEPARTED} (docs/directory.md: the convention for someone who left).
 */
final class Directory {
    static final String DEPARTED = "departed";

    private static final String IN_FORCE = "SELECT person_ref, team FROM (SELECT DISTINCT ON (person_ref) "
            + "person_ref, team FROM identity_link WHERE position <= ? AND effective_from < ? "
            + "ORDER BY person_ref, effective_from DESC, position DESC) latest WHERE team <> ?";

    private Directory() {
    }

    /** Person ref to team, for the people in the directory just before {@code end}. */
    static Map<String, String> before(ReportSnapshot snapshot, Instant end) {
        Map<String, String> people = new HashMap<>();
        try (PreparedStatement select = snapshot.connection().prepareStatement(IN_FORCE)) {
            select.setLong(1, snapshot.asOfPosition());
            select.setObject(2, end.atOffset(ZoneOffset.UTC));
            select.setString(3, DEPARTED);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    people.put(rows.getString(1), rows.getString(2));
                }
            }
        } catch (SQLException failure) {
            throw new IllegalStateException("could not read the directory at " + end, failure);
        }
        return people;
    }
}
