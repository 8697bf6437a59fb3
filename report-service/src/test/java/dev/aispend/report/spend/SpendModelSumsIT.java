package dev.aispend.report.spend;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aispend.contracts.ledger.IdentityLinked;
import dev.aispend.contracts.ledger.LedgerPayload;
import dev.aispend.contracts.ledger.SpendRepriced;
import dev.aispend.contracts.ledger.UsageEvidenceRecorded;
import dev.aispend.report.fixture.ExpectedFigures;
import dev.aispend.report.fixture.ReportMonth;
import dev.aispend.report.query.Cube;
import dev.aispend.report.query.CubeTable;
import dev.aispend.report.query.Dimension;
import dev.aispend.report.readmodel.AsOf;
import dev.aispend.report.readmodel.ReportReads;
import dev.aispend.report.support.ReportAnswers;
import dev.aispend.report.support.ReportSystemTest;
import dev.aispend.testsupport.ledger.SpendMother;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static dev.aispend.report.support.ReportAnswers.withoutApplied;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spend per person and model (spend_model_daily, spend_model_monthly), over the fixture month published in two
 * halves: the split by day, team and model, which reads them (CubeStatementTest), answers the costs of a plain
 * computation over the payloads and, as of mid-month, what was served then; every report shape answers the same
 * sums and people as spend_daily alone did before (SpendDailyReference) at positions all through the month, the
 * re-attributions and re-pricings among them; the tables hold spend_daily's rows regrouped, as their migration
 * fills them in a generation that already holds spend; the spend digest covers them; and a group that only
 * another source's evidence reached counts nobody.
 */
@MicronautTest(transactional = false)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SpendModelSumsIT extends ReportSystemTest {
    private static final LocalDate FROM = LocalDate.of(2026, 10, 1);
    private static final LocalDate TO = LocalDate.of(2026, 10, 31);
    private static final String DAY_TEAM_MODEL = "/v1/reports/spend?from=2026-10-01&to=2026-10-31&period=day"
            + "&groupBy=team,model";
    private static final Cube.Filter OCTOBER = Cube.Filter.between(FROM, TO);
    private static final String MODEL_KEY = "team, cost_center, person_ref, model, provider";

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    ReportReads reads;
    private final ExpectedFigures expected = ExpectedFigures.ofMonth();
    private final long middle = ReportMonth.positionAfterFirstHalf();
    private final long head = ReportMonth.envelopes().size();
    private JsonNode servedAtMiddle;

    private record Ask(Cube.Filter filter, List<Dimension> groupBy) {
    }

    private static final List<Ask> ASKS = List.of(
            new Ask(OCTOBER, List.of(Dimension.DAY, Dimension.TEAM, Dimension.MODEL)),
            new Ask(OCTOBER, List.of(Dimension.WEEK, Dimension.TEAM, Dimension.MODEL)),
            new Ask(Cube.Filter.between(LocalDate.of(2026, 9, 1), TO), List.of(Dimension.MODEL)),
            new Ask(Cube.Filter.between(LocalDate.of(2026, 9, 20), LocalDate.of(2026, 10, 10)),
                    List.of(Dimension.MONTH, Dimension.MODEL, Dimension.PROVIDER)),
            new Ask(OCTOBER, List.of(Dimension.DAY, Dimension.TEAM, Dimension.COST_CENTER, Dimension.MODEL,
                    Dimension.PROVIDER)),
            new Ask(OCTOBER.with(Dimension.COST_CENTER, ReportMonth.CC_ENG).with(Dimension.PROVIDER, "anthropic"),
                    List.of(Dimension.TEAM, Dimension.MODEL)),
            new Ask(OCTOBER.with(Dimension.MODEL, ReportMonth.SONNET), List.of(Dimension.TEAM)),
            new Ask(OCTOBER, List.of(Dimension.DAY, Dimension.TEAM, Dimension.COST_CENTER)),
            new Ask(OCTOBER, List.of(Dimension.WEEK, Dimension.TEAM, Dimension.PERSON)),
            new Ask(OCTOBER, List.of(Dimension.PERSON, Dimension.MODEL)),
            new Ask(OCTOBER, List.of(Dimension.PURPOSE, Dimension.SOURCE)),
            new Ask(OCTOBER, List.of()));

    private JsonNode spend(String uri) throws IOException {
        return ReportAnswers.json(http, uri);
    }

    @Test
    @Order(1)
    void splits_by_day_team_and_model_as_the_payloads_add_up_at_mid_month() throws IOException {
        system.publishMonthThrough(middle);

        servedAtMiddle = spend(DAY_TEAM_MODEL);

        assertThat(costs(servedAtMiddle)).isEqualTo(nonZero(expected.spendUsdMicrosByDayTeamModel(FROM, TO, middle)));
        assertSameAsTheDailySums(middle);
    }

    @Test
    @Order(2)
    void answers_as_of_mid_month_what_was_served_then_and_the_whole_month_as_the_payloads_add_up()
            throws IOException {
        system.publishMonthAfter(middle);

        assertThat(withoutApplied(spend(DAY_TEAM_MODEL + "&asOf=" + middle)))
                .isEqualTo(withoutApplied(servedAtMiddle));
        assertThat(costs(spend(DAY_TEAM_MODEL))).isEqualTo(nonZero(expected.spendUsdMicrosByDayTeamModel(FROM, TO,
                head)));
    }

    @Test
    @Order(3)
    void sums_and_counts_people_as_spend_daily_alone_did_at_positions_all_through_the_month() {
        for (long position : positions()) {
            assertSameAsTheDailySums(position);
        }
    }

    @Test
    @Order(4)
    void holds_the_daily_sums_regrouped_as_the_migration_fills_them() {
        String schema = "report_g" + system.database().query(
                "SELECT generation FROM report_generation WHERE state = 'ACTIVE'").get(0).get(0);
        String measures = "SUM(records), SUM(input_tokens), SUM(output_tokens), SUM(cache_read_tokens), "
                + "SUM(cache_write5m_tokens), SUM(cache_write1h_tokens), SUM(reasoning_tokens), SUM(cost_usd_micros), "
                + "SUM(unpriced_records), SUM(reported_records), SUM(reported_cost_usd_micros), "
                + "SUM(reported_our_cost_usd_micros), SUM(evidence_records), SUM(evidence_cost_usd_micros), "
                + "SUM(evidence_reported_cost_usd_micros)";
        for (String[] table : new String[][]{{"spend_model_daily", "day"},
                {"spend_model_monthly", "date_trunc('month', day)::date"}}) {
            String kept = "SELECT * FROM " + schema + "." + table[0];
            String regrouped = "SELECT " + table[1] + ", " + MODEL_KEY + ", " + measures + " FROM " + schema
                    + ".spend_daily GROUP BY " + table[1] + ", " + MODEL_KEY;
            assertThat(system.database().number("SELECT count(*) FROM " + schema + "." + table[0]))
                    .as(table[0]).isPositive();
            assertThat(system.database().query("(" + kept + " EXCEPT ALL " + regrouped + ") UNION ALL ("
                    + regrouped + " EXCEPT ALL " + kept + ")")).as(table[0]).isEmpty();
        }
    }

    @Test
    @Order(5)
    void covers_the_model_sums_in_the_spend_digest() throws IOException {
        String schema = "report_g" + system.database().query(
                "SELECT generation FROM report_generation WHERE state = 'ACTIVE'").get(0).get(0);
        String digests = "/v1/reports/digests?asOf=" + head;
        JsonNode before = spend(digests).get("readModels");
        for (String[] table : new String[][]{{"spend_model_daily", "day"}, {"spend_model_monthly", "month"}}) {
            String qualified = schema + "." + table[0];
            List<Object> key = system.database().query("SELECT " + table[1] + ", " + MODEL_KEY + " FROM " + qualified
                    + " WHERE cost_center IS NOT NULL AND provider IS NOT NULL LIMIT 1").get(0);
            String byKey = " WHERE (" + table[1] + ", " + MODEL_KEY + ") = (?, ?, ?, ?, ?, ?) RETURNING 1";
            system.database().query("UPDATE " + qualified + " SET records = records + 1" + byKey, key.toArray());
            JsonNode changed = spend(digests).get("readModels");
            system.database().query("UPDATE " + qualified + " SET records = records - 1" + byKey, key.toArray());
            assertThat(spendDigest(changed)).as(table[0]).isNotEqualTo(spendDigest(before));
            assertThat(spend(digests).get("readModels")).as(table[0]).isEqualTo(before);
        }
    }

    @Test
    @Order(6)
    void counts_nobody_for_what_only_another_source_reported() throws IOException {
        // A provider's report of a use nobody recorded as spend: evidence sums, no records, no cost.
        UsageEvidenceRecorded evidenceOnly = new UsageEvidenceRecorded(SpendMother.priced("evidence-only-1",
                ReportMonth.PLATFORM, ReportMonth.SONNET, Instant.parse("2026-10-31T10:00:00Z"), 10, 50));
        system.publish(ReportMonth.after(evidenceOnly));
        system.awaitApplied(head + 1);

        assertSameAsTheDailySums(head + 1);
        JsonNode byPerson = spend("/v1/reports/spend?from=2026-10-31&to=2026-10-31&groupBy=personRef,model"
                + "&personRef=prs_" + ReportMonth.PLATFORM);
        assertThat(byPerson.at("/rows/0/figures/evidence/records").asLong()).isEqualTo(1);
        assertThat(byPerson.at("/rows/0/people").asLong()).isZero();
    }

    private void assertSameAsTheDailySums(long position) {
        reads.read(new AsOf(position, null), snapshot -> {
            for (Ask ask : ASKS) {
                assertThat(SpendDailyReference.groups(Cube.query(snapshot, CubeTable.SPEND, ask.filter(),
                        ask.groupBy()), ask.groupBy()))
                        .as("%s grouped by %s as of %d", ask.filter(), ask.groupBy(), position)
                        .isEqualTo(SpendDailyReference.groups(snapshot.connection(), position, ask.filter(),
                                ask.groupBy()));
            }
            return null;
        });
    }

    /** Every 7th position, each re-attribution and re-pricing and the one before it, mid-month and the last. */
    private TreeSet<Long> positions() {
        TreeSet<Long> positions = new TreeSet<>(List.of(middle, head));
        List<LedgerPayload> payloads = ReportMonth.payloads();
        for (long position = 1; position <= head; position++) {
            LedgerPayload payload = payloads.get((int) position - 1);
            if (position % 7 == 0) {
                positions.add(position);
            }
            if (payload instanceof IdentityLinked || payload instanceof SpendRepriced) {
                positions.add(position - 1);
                positions.add(position);
            }
        }
        return positions;
    }

    /** Cost per day, team and model; groups that cost nothing (unpriced, evidence only) left out. */
    private static Map<String, Long> costs(JsonNode report) {
        Map<String, Long> costs = new HashMap<>();
        for (JsonNode row : report.get("rows")) {
            costs.merge(row.get("period").asText() + "|" + row.get("team").asText() + "|"
                    + row.get("model").asText(), row.at("/figures/costUsdMicros").asLong(), Long::sum);
        }
        return nonZero(costs);
    }

    private static Map<String, Long> nonZero(Map<String, Long> costs) {
        Map<String, Long> nonZero = new HashMap<>(costs);
        nonZero.values().removeIf(cost -> cost == 0);
        return nonZero;
    }

    private static String spendDigest(JsonNode readModels) {
        for (JsonNode digest : readModels) {
            if (digest.get("readModel").asText().equals("spend")) {
                return digest.get("sha256").asText();
            }
        }
        throw new AssertionError("no spend digest in " + readModels);
    }
}
