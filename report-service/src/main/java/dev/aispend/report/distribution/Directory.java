package dev.aispend.report.distribution;

import dev.aispend.report.readmodel.ReportSnapshot;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The people in the identity directory at an instant, as the ledger knew them at the snapshot's position: every
 * person ref with an identity link recorded at or before that position and in force before the instant, in the
 * team of their link in force then (the latest {@code effective_from} before the instant, the later position on
 * a tie), unless that team is {@value #DEPARTED} (docs/directory.md: the convention for someone who left).
 *
 * <p>A report over several weeks reads the links once, up to its last instant, and finds each week's directory
 * from them ({@link #inForce}), rather than asking the database once per week.
 */
final class Directory {
    static final String DEPARTED = "departed";

    private static final String LINKS = "SELECT person_ref, team, effective_from, position FROM identity_link "
            + "WHERE position <= ? AND effective_from < ? ORDER BY person_ref, effective_from, position";

    private Directory() {
    }

    /** One identity link as the directory reads it. */
    record Link(String personRef, String team, Instant effectiveFrom, long position) {
    }

    /** Per instant of {@code ends}: person ref to team, for the people in the directory just before it. */
    static Map<Instant, Map<String, String>> before(ReportSnapshot snapshot, List<Instant> ends) {
        if (ends.isEmpty()) {
            return Map.of();
        }
        Instant last = ends.stream().max(Comparator.naturalOrder()).orElseThrow();
        List<Link> links = new ArrayList<>();
        try (PreparedStatement select = snapshot.connection().prepareStatement(LINKS)) {
            select.setLong(1, snapshot.asOfPosition());
            select.setObject(2, last.atOffset(ZoneOffset.UTC));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    links.add(new Link(rows.getString(1), rows.getString(2),
                            rows.getObject(3, OffsetDateTime.class).toInstant(), rows.getLong(4)));
                }
            }
        } catch (SQLException failure) {
            throw new IllegalStateException("could not read the directory up to " + last, failure);
        }
        return inForce(links, ends);
    }

    /**
     * Per instant of {@code ends}: each person's team by the link in force just before it (the latest effective
     * from before the instant, the later position on a tie), the departed left out.
     */
    static Map<Instant, Map<String, String>> inForce(List<Link> links, List<Instant> ends) {
        Map<String, List<Link>> byPerson = new HashMap<>();
        for (Link link : links) {
            byPerson.computeIfAbsent(link.personRef(), person -> new ArrayList<>()).add(link);
        }
        Comparator<Link> order = Comparator.comparing(Link::effectiveFrom).thenComparingLong(Link::position);
        Map<Instant, Map<String, String>> directories = new LinkedHashMap<>();
        for (Instant end : ends) {
            directories.put(end, new HashMap<>());
        }
        for (List<Link> personLinks : byPerson.values()) {
            personLinks.sort(order);
            for (Instant end : ends) {
                Link inForce = null;
                for (Link link : personLinks) {
                    if (!link.effectiveFrom().isBefore(end)) {
                        break;
                    }
                    inForce = link;
                }
                if (inForce != null && !inForce.team().equals(DEPARTED)) {
                    directories.get(end).put(inForce.personRef(), inForce.team());
                }
            }
        }
        return directories;
    }
}
