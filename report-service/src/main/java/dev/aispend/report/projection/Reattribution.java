package dev.aispend.report.projection;

import dev.aispend.contracts.ledger.IdentityLinked;
import io.micronaut.core.annotation.Nullable;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Re-attribution by identity links (docs/reports.md, "Attribution"). A spend or an outcome counts for the person,
 * team and cost center it was recorded with, except:
 * <ul>
 * <li>one recorded under an alias nobody had resolved ({@code als_...}) counts, on arrival, for the link of that
 *     alias in force at its time of use, if the ledger already holds one;</li>
 * <li>a link recorded later, for the recorded ref, that is the one in force at the time of use (the latest
 *     {@code effectiveFrom} at or before it, the later position on a tie) moves it: a MOVE_OUT line at its
 *     current key and a MOVE_IN line at the link's, both at the link's position.</li>
 * </ul>
 * The recorded entries never change; a report as of a position before the link shows the old attribution.
 */
final class Reattribution {
    private Reattribution() {
    }

    private record Link(long position, Instant effectiveFrom, Attribution attribution) {
    }

    private record OriginRow(long position, String stream, Instant occurredAt, Attribution attribution) {
    }

    /** The attribution a newly recorded use gets: its own, or for an unresolved alias the link in force then. */
    static Attribution onArrival(Connection connection, String personRef, String team, @Nullable String costCenter,
                                 Instant occurredAt) {
        Attribution recorded = new Attribution(personRef, team, costCenter);
        if (!Attribution.isUnresolvedAlias(personRef)) {
            return recorded;
        }
        Link inForce = inForce(links(connection, personRef), occurredAt);
        return inForce == null ? recorded : inForce.attribution();
    }

    /** Applies a link recorded at {@code position} (already in identity_link) to the uses it re-attributes. */
    static void link(Connection connection, long position, IdentityLinked link, LineStore lines) {
        List<Link> links = links(connection, link.aliasRef());
        Attribution to = new Attribution(link.personRef(), link.team(), link.costCenter());
        for (OriginRow origin : origins(connection, link.aliasRef(), link.occurredAt())) {
            Link inForce = inForce(links, origin.occurredAt());
            if (inForce == null || inForce.position() != position || origin.attribution().equals(to)) {
                continue;
            }
            if ("SPEND".equals(origin.stream())) {
                SpendLine current = Objects.requireNonNull(LineStore.currentSpend(connection, origin.position()));
                lines.add(current.withEntry(position, SpendLine.MOVE_OUT, current.attribution(),
                        current.amounts().negated()));
                lines.add(current.withEntry(position, SpendLine.MOVE_IN, to, current.amounts()));
            } else {
                OutcomeLine current = Objects.requireNonNull(LineStore.currentOutcome(connection,
                        origin.position()));
                lines.add(current.moved(position, "MOVE_OUT", current.attribution(), -1));
                lines.add(current.moved(position, "MOVE_IN", to, 1));
            }
            Sql.insertAll(connection, "UPDATE attribution_origin SET person_ref = ?, team = ?, cost_center = ? "
                    + "WHERE origin_position = ?", List.of(to), (row, value) -> row.text(value.personRef())
                    .text(value.team()).text(value.costCenter()).number(origin.position()));
        }
    }

    @Nullable
    private static Link inForce(List<Link> links, Instant occurredAt) {
        return links.stream().filter(link -> !link.effectiveFrom().isAfter(occurredAt))
                .max(Comparator.comparing(Link::effectiveFrom).thenComparingLong(Link::position)).orElse(null);
    }

    private static List<Link> links(Connection connection, String aliasRef) {
        List<Link> links = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT position, effective_from, person_ref, "
                + "team, cost_center FROM identity_link WHERE alias_ref = ?")) {
            select.setString(1, aliasRef);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    links.add(new Link(rows.getLong(1), rows.getTimestamp(2).toInstant(),
                            new Attribution(rows.getString(3), rows.getString(4), rows.getString(5))));
                }
            }
            return links;
        } catch (SQLException failure) {
            throw new IllegalStateException("could not read the links of an alias", failure);
        }
    }

    private static List<OriginRow> origins(Connection connection, String aliasRef, Instant from) {
        List<OriginRow> origins = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT origin_position, stream, occurred_at, "
                + "person_ref, team, cost_center FROM attribution_origin WHERE alias_ref = ? AND occurred_at >= ? "
                + "ORDER BY origin_position")) {
            select.setString(1, aliasRef);
            select.setTimestamp(2, Timestamp.from(from));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    origins.add(new OriginRow(rows.getLong(1), rows.getString(2), rows.getTimestamp(3).toInstant(),
                            new Attribution(rows.getString(4), rows.getString(5), rows.getString(6))));
                }
            }
            return origins;
        } catch (SQLException failure) {
            throw new IllegalStateException("could not read the uses of an alias", failure);
        }
    }
}
