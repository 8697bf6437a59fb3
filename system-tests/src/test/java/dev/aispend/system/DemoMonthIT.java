package dev.aispend.system;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aispend.demo.BudgetPlan;
import dev.aispend.demo.DemoCredentials;
import dev.aispend.demo.DemoEndpoints;
import dev.aispend.demo.DemoGenerator;
import dev.aispend.demo.DemoLoader;
import dev.aispend.demo.DemoPlan;
import dev.aispend.demo.DemoSpec;
import dev.aispend.demo.LoadSummary;
import dev.aispend.testsupport.security.TestIssuer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A smaller demo month of the same generator (60 people, three weeks: ten teams, an organization-wide budget, a team
 * over its hard cap, one team in OUTCOME, two gamers, merged PRs, a few thousand dollars) loaded ONCE into the
 * running system by the demo's loader through the real APIs, then read back twice: through the reports, and through
 * the pages report-service serves (/, /cfo, /teams/{team}) in headless Chromium. Each page renders every chart,
 * logs no console error, shows no absent value ("undefined", "NaN", "null"), shows the figures its endpoints answer
 * (by their micros) and is saved as a screenshot in system-tests/target/screenshots; the CFO page prints on one A4
 * page; a team's page refuses another team's lead. Last, the same month loaded again doubles nothing.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DemoMonthIT {
    private static final String SECRET = "demo-month-webhook-secret";
    private static final String AUDITOR = TestIssuer.token("frank", "finance-auditor");
    private static final String LOADER = TestIssuer.token("demo-loader", "ingest-client", "admin", "policy-owner",
            "finance-auditor");
    private static final String OTHER_TEAM = "web";
    private static RunningSystem system;
    private static DemoPlan plan;
    private static DemoReports reports;
    private static PageCheck pages;
    private static String month;

    @BeforeAll
    static void loadTheMonth() {
        system = RunningSystem.start("demomonth", Map.of(
                "ingest-service", Map.of("INGEST_GITHUB_WEBHOOK_SECRET", SECRET),
                "policy-service", Map.of("POLICY_SEED_RATE_CARDS", "true", "POLICY_SEED_GAMIFICATION", "true",
                        "POLICY_SEED_INITIAL_DELAY", "1s")));
        PolicyCalls.awaitSeededDefaults(system.url("policy-service"), Duration.ofSeconds(120));
        plan = DemoPlan.of(DemoGenerator.generate(new DemoSpec(DemoSpec.DEFAULT_SEED, lastTuesday(), 21, 60)));
        LoadSummary summary = loader().load(plan);
        assertThat(summary.spendRecords()).isEqualTo(plan.spendRecords());
        assertThat(JsonHttp.post(system.url("ledger-service") + "/v1/ledger/checkpoints", "{}").status())
                .isBetween(200, 201);
        month = YearMonth.from(plan.month().spec().end().minusSeconds(1).atZone(ZoneOffset.UTC)).toString();
        reports = new DemoReports(system.url("report-service"), "from="
                + LocalDate.ofInstant(plan.month().spec().start(), ZoneOffset.UTC) + "&to="
                + LocalDate.ofInstant(plan.month().spec().end(), ZoneOffset.UTC));
        pages = new PageCheck(system.url("report-service"), AUDITOR);
    }

    @AfterAll
    static void stop() {
        if (pages != null) {
            pages.close();
        }
        if (system != null) {
            system.close();
        }
    }

    @Test
    void the_reports_show_spend_budgets_an_outcome_team_the_gamers_and_merges() {
        assertThat(reports.teamsWithSpend()).hasSize(10);
        assertThat(reports.budgetsOverTheirAmount(month)).containsExactly(plan.month().overBudget().id());
        assertThat(reports.teamsIn("OUTCOME")).containsExactly(plan.month().phase().team());
        assertThat(reports.flaggedTeams()).containsExactlyInAnyOrder("ml", "infra");
        assertThat(reports.mergedPrs()).isEqualTo(plan.mergedPullRequests());
    }

    @Test
    void the_dashboard_draws_the_budgets_that_matter_and_shows_what_its_endpoints_answer() {
        YearMonth shown = YearMonth.parse(month);
        pages.showReady("/?from=" + shown.atDay(1) + "&to=" + shown.atEndOfMonth() + "#token=" + AUDITOR, 1400,
                3000, "dashboard", true);
        assertThat(pages.browser().driver().getCurrentUrl()).as("the token is taken out of the address")
                .doesNotContain("token");
        assertThat(pages.browser().driver().findElements(By.cssSelector(".panel[data-state=error]"))).isEmpty();
        assertThat(pages.browser().driver().findElements(By.tagName("canvas")).size()).isGreaterThanOrEqualTo(8);

        JsonNode spend = pages.endpointOf("spend-team");
        assertThat(pages.micros("spend-total")).isEqualTo(spend.get("totals").get("costUsdMicros").asLong())
                .isGreaterThan(2_500_000_000L);
        JsonNode budgets = pages.endpointOf("budgets");
        assertThat(budgets.get("budgets")).hasSize(plan.month().budgets().size());
        for (JsonNode budget : budgets.get("budgets")) {
            assertThat(pages.micros("budget-" + budget.get("budgetId").asText() + "-spent"))
                    .isEqualTo(budget.get("current").get("spentUsdMicros").asLong());
        }
        List<String> charted = pages.texts("#budgets h3");
        assertThat(charted).as("burn-down charts: the budgets that matter").hasSizeBetween(2, 4)
                .anyMatch(chart -> chart.startsWith(plan.month().organizationBudget().name())
                        && chart.endsWith("(organization-wide)"))
                .anyMatch(chart -> chart.startsWith(plan.month().overBudget().name())
                        && chart.endsWith("(cap reached)"));
        assertThat(pages.text("#budgets .panel-body")).contains("Charts are drawn for the organization-wide budgets")
                .contains("the table lists all " + plan.month().budgets().size() + " budget(s)");
        assertThat(pages.micros("flagged-open")).isEqualTo(pages.endpointOf("anomalies").get("totals").get("open")
                .get("spendUsdMicros").asLong()).isPositive();
        assertThat(pages.text("#ledger dd[data-verification]")).startsWith("VERIFIED");
        assertThat(pages.text("#ledger")).contains("#" + pages.latestCheckpoint() + ", positions 1–");
    }

    @Test
    void the_cfo_page_prints_on_one_a4_page_with_the_summary_figures_and_the_organization_budget() {
        pages.showReady("/cfo?month=" + month + "#token=" + AUDITOR, 900, 1300, "cfo", false);
        String asOf = pages.browser().driver().findElement(By.tagName("body")).getAttribute("data-as-of");
        assertThat(pages.browser().driver().findElement(By.tagName("body")).getAttribute("data-month"))
                .isEqualTo(month);
        JsonNode summary = pages.get("/v1/reports/cfo-summary?month=" + month + "&asOf=" + asOf);
        assertThat(pages.micros("cfo-month-to-date")).isEqualTo(summary.get("monthToDate").get("costUsdMicros")
                .asLong()).isPositive();
        BudgetPlan organization = plan.month().organizationBudget();
        assertThat(pages.micros("cfo-budget")).isEqualTo(organization.amountUsdMicros())
                .isGreaterThan(pages.micros("cfo-month-to-date"));
        assertThat(pages.text("#cfo-figures")).contains("Budget " + organization.name() + ": ")
                .doesNotContain("none set");
        assertThat(pages.micros("cfo-flagged-open")).isEqualTo(summary.get("flaggedSpend").get("openUsdMicros")
                .asLong()).isPositive();
        if (summary.get("forecast").hasNonNull("monthUsdMicros")) {
            assertThat(pages.micros("cfo-forecast")).isEqualTo(summary.get("forecast").get("monthUsdMicros").asLong());
        }
        assertThat(pages.text("#cfo-ledger")).contains("ledger position " + asOf)
                .contains("signed checkpoint, #" + pages.latestCheckpoint() + ",");
        assertThat(pages.browser().printA4(PageCheck.SHOTS.resolve("cfo.pdf"))).as("pages of the printed CFO page")
                .isEqualTo(1);
    }

    @Test
    void a_team_page_shows_its_own_team_and_refuses_the_lead_of_another() {
        String team = plan.month().overBudget().team();
        String lead = TestIssuer.teamToken("lee", "team-lead", List.of(team), null);
        pages.showReady("/teams/" + team + "?month=" + month + "#token=" + lead, 1400, 2600, "team-" + team, false);
        JsonNode spend = pages.get(pages.endpoint("team-spend"), lead);
        assertThat(pages.micros("team-spend-total")).isEqualTo(spend.get("totals").get("costUsdMicros").asLong())
                .isPositive();
        assertThat(pages.texts("#team-budgets h3")).singleElement().asString()
                .startsWith(plan.month().overBudget().name());
        String page = pages.browser().driver().findElement(By.tagName("main")).getText();
        for (String other : peopleOf(OTHER_TEAM, team)) {
            assertThat(page).as("a person of another team").doesNotContain(other);
        }

        String otherLead = TestIssuer.teamToken("wes", "team-lead", List.of(OTHER_TEAM), null);
        pages.browser().driver().manage().deleteAllCookies();
        pages.browser().driver().executeScript("sessionStorage.clear()");
        assertThat(pages.browser().open(system.url("report-service") + "/teams/" + team + "#token=" + otherLead,
                PageCheck.RENDER)).isEqualTo("refused");
        pages.browser().screenshot(PageCheck.SHOTS.resolve("team-refused.png"));
        assertThat(pages.browser().driver().findElement(By.id("sections")).isDisplayed()).as("no figures shown")
                .isFalse();
        assertThat(pages.text("#page-message")).contains("may not read the reports of team " + team + " (403)");
        pages.assertNoAbsentValues("refused team");
        // The refused request itself is in the browser's network log; nothing else may be.
        assertThat(pages.consoleErrors()).allMatch(entry -> entry.contains("status of 403"));
    }

    @Test
    void without_a_token_a_page_asks_for_one_and_every_page_sends_a_strict_policy() {
        String report = system.url("report-service");
        pages.browser().driver().executeScript("sessionStorage.clear()");
        assertThat(pages.browser().open(report + "/cfo", PageCheck.RENDER)).isEqualTo("need-token");
        assertThat(pages.browser().driver().findElement(By.id("token-input")).isDisplayed()).isTrue();
        pages.assertNoConsoleErrors("token form");
        pages.assertNoAbsentValues("token form");
        for (String path : List.of("/", "/cfo", "/teams/platform", "/assets/js/page.js",
                "/webjars/chart.js/4.5.1/dist/chart.umd.min.js")) {
            JsonHttp.Response page = JsonHttp.get(report + path, "Authorization", "");
            assertThat(page.status()).as(path).isEqualTo(200);
            assertThat(page.header("Content-Security-Policy")).as(path).contains("script-src 'self'")
                    .doesNotContain("unsafe");
            assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
        }
        assertThat(JsonHttp.get(report + "/teams/..%2Fv1", "Authorization", "").status()).isEqualTo(404);
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void loading_the_same_month_again_doubles_nothing() {
        JsonNode totals = reports.spendTotals();

        LoadSummary again = loader().load(plan);

        assertThat(again.repeated()).as("the directory, budgets, phase and GitHub deliveries are repeats")
                .isEqualTo(plan.setup().size() + 1 + plan.mergedPullRequests());
        assertThat(reports.spendTotals()).as("nothing doubles").isEqualTo(totals);
        assertThat(reports.mergedPrs()).isEqualTo(plan.mergedPullRequests());
    }

    private static DemoLoader loader() {
        return new DemoLoader(new DemoEndpoints(system.url("ingest-service"), system.url("ledger-service"),
                system.url("policy-service"), system.url("report-service")),
                DemoCredentials.single(LOADER, SECRET), System.out::println);
    }

    /**
     * The latest Tuesday, 13:00 UTC, an hour or more before now, on the 15th of its month or later: every run has the
     * same weekly shape, and the month shown has at least two weeks of spend (a few thousand dollars). The pages are
     * opened on that month (the ledger clock, moved on by the budgets' creation, may be in the next one).
     * {@code -Ddemo.end=<instant>} loads another end, to look at a given month.
     */
    private static Instant lastTuesday() {
        String asked = System.getProperty("demo.end", "");
        if (!asked.isBlank()) {
            return Instant.parse(asked);
        }
        LocalDate day = LocalDate.ofInstant(Instant.now().minus(Duration.ofHours(14)), ZoneOffset.UTC)
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.TUESDAY));
        while (day.getDayOfMonth() < 15) {
            day = day.minusWeeks(1);
        }
        return day.atTime(13, 0).toInstant(ZoneOffset.UTC);
    }

    /** The pseudonymous refs of {@code team}'s people, as an auditor reads them, from the page's own query. */
    private static List<String> peopleOf(String team, String shownTeam) {
        List<String> refs = new ArrayList<>();
        JsonNode people = pages.get(pages.endpoint("team-spend").replace("team=" + shownTeam, "team=" + team)
                .replace("groupBy=model", "groupBy=personRef"));
        people.get("rows").forEach(row -> refs.add(row.get("personRef").asText()));
        assertThat(refs).as("people of team " + team).isNotEmpty();
        return refs;
    }
}
