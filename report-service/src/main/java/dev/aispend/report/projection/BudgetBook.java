package dev.aispend.report.projection;

import dev.aispend.platform.budget.BudgetContent;
import dev.aispend.platform.budget.BudgetDefinition;
import dev.aispend.platform.budget.PeriodWindow;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The budgets as of the entry being applied, counted by policy-service's rules (platform budget, and the
 * BudgetEvaluator's javadoc): an active budget counts the entries recorded after its first version, by its current
 * version's scope (the spend's recorded attribution) and period (the use's time in the budget's zone); a
 * re-pricing adds its delta to the original's period for every such budget covering the original's attributes,
 * whether or not the budget existed when the original was recorded (the evaluator cannot tell either).
 * Loaded from policy_version at each delivery, so it is never out of step with a rolled-back delivery.
 */
final class BudgetBook {
    private static final Logger LOG = LoggerFactory.getLogger(BudgetBook.class);

    private record Budget(long createdPosition, long version, BudgetDefinition definition) {
    }

    /** The recorded fields of a spend that budgets are scoped by. */
    record Scoped(@Nullable String costCenter, String team, String personRef, @Nullable String purpose,
                  String model, Instant occurredAt) {
    }

    private final Map<String, Budget> budgets = new TreeMap<>();
    private final JsonMapper json;

    private BudgetBook(JsonMapper json) {
        this.json = json;
    }

    static BudgetBook load(Connection connection, JsonMapper json) {
        BudgetBook book = new BudgetBook(json);
        try (PreparedStatement select = connection.prepareStatement("SELECT policy_id, position, version, "
                + "content::text FROM policy_version WHERE kind = 'BUDGET' ORDER BY position");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                book.record(rows.getString(1), rows.getLong(2), rows.getLong(3), book.read(rows.getString(4)));
            }
        } catch (SQLException | IOException failure) {
            throw new IllegalStateException("could not load the budgets", failure);
        }
        return book;
    }

    /**
     * A new version, as policy-service's evaluator installs one: content that does not parse, or a version not
     * above the one in force, leaves the budget as it was.
     */
    void record(String budgetId, long position, long version, Map<String, Object> content) {
        Budget before = budgets.get(budgetId);
        if (before != null && version <= before.version()) {
            return;
        }
        BudgetDefinition definition;
        try {
            definition = BudgetContent.parse(content);
        } catch (RuntimeException invalid) {
            LOG.warn("budget {} at ledger position {} has content that does not parse; its previous version "
                    + "still counts", budgetId, position);
            return;
        }
        budgets.put(budgetId, new Budget(before == null ? position : before.createdPosition(), version, definition));
    }

    /** What the entry at {@code position} adds to each budget counting the spend recorded at {@code origin}. */
    List<LineStore.BudgetLine> lines(long position, long origin, Scoped spend, long records, long costUsdMicros) {
        List<LineStore.BudgetLine> lines = new ArrayList<>();
        budgets.forEach((budgetId, budget) -> {
            BudgetDefinition definition = budget.definition();
            if (budget.createdPosition() < position && definition.active() && definition.scope().covers(
                    spend.costCenter(), spend.team(), spend.personRef(), spend.purpose(), spend.model())) {
                PeriodWindow window = definition.period().windowOf(spend.occurredAt());
                LocalDate localDay = LocalDate.ofInstant(spend.occurredAt(),
                        ZoneId.of(definition.period().timeZone()));
                lines.add(new LineStore.BudgetLine(position, origin, budgetId, window.key(), localDay, records,
                        costUsdMicros));
            }
        });
        return lines;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> read(String content) throws IOException {
        return json.readValue(content, Map.class);
    }
}
