package dev.aispend.system;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aispend.testsupport.security.TestIssuer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages report-service serves (/, /cfo, /teams/{team}) in headless Chromium against the running system and a
 * small month sent through the APIs (PagesSeed): each page renders every chart (it marks itself ready), logs no
 * console error, shows the figures its report endpoints answer (compared by their micros), and is saved as a
 * screenshot in system-tests/target/screenshots. The CFO page prints on exactly one A4 page; a team's page
 * refuses a lead of another team with a clear message.
 */
class PagesIT {
    private static final String RUN = "pages";
    private static final Duration RENDER = Duration.ofSeconds(60);
    private static final Path SHOTS = Path.of(System.getProperty("repository.root", ".."))
            .resolve("system-tests/target/screenshots");
    private static final String AUDITOR = TestIssuer.token("frank", "finance-auditor");
    private static RunningSystem system;
    private static Browser browser;
    private static String report;

    @BeforeAll
    static void start() {
        system = RunningSystem.start(RUN, Map.of("policy-service", Map.of("POLICY_SEED_RATE_CARDS", "true",
                "POLICY_SEED_GAMIFICATION", "true", "POLICY_SEED_INITIAL_DELAY", "1s")));
        new PagesSeed(system).send(Instant.now());
        report = system.url("report-service");
        browser = new Browser();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (system != null) {
            system.close();
        }
    }

    @Test
    void the_dashboard_draws_every_chart_and_shows_what_its_endpoints_answer() {
        showReady("/#token=" + AUDITOR, 1400, 3000, "dashboard");
        assertThat(browser.driver().getCurrentUrl()).as("the token is taken out of the address").doesNotContain("token");
        assertThat(browser.driver().findElements(By.cssSelector(".panel[data-state=error]"))).isEmpty();
        assertThat(browser.driver().findElements(By.tagName("canvas")).size()).isGreaterThanOrEqualTo(8);

        JsonNode spend = endpointOf("spend-team");
        assertThat(micros("spend-total")).isEqualTo(spend.get("totals").get("costUsdMicros").asLong()).isPositive();
        JsonNode budgets = endpointOf("budgets");
        for (JsonNode budget : budgets.get("budgets")) {
            assertThat(micros("budget-" + budget.get("budgetId").asText() + "-spent"))
                    .isEqualTo(budget.get("current").get("spentUsdMicros").asLong());
        }
        assertThat(micros("flagged-open")).isEqualTo(endpointOf("anomalies").get("totals").get("open")
                .get("spendUsdMicros").asLong());
        assertThat(text("#ledger dd[data-verification]")).startsWith("VERIFIED");
        assertThat(text("#ledger")).contains("#" + latestCheckpoint() + ", positions 1–");
    }

    @Test
    void the_cfo_page_prints_on_one_a4_page_with_the_summary_figures() {
        showReady("/cfo#token=" + AUDITOR, 900, 1300, "cfo");
        String asOf = browser.driver().findElement(By.tagName("body")).getAttribute("data-as-of");
        String month = browser.driver().findElement(By.tagName("body")).getAttribute("data-month");
        JsonNode summary = JsonHttp.get(report + "/v1/reports/cfo-summary?month=" + month + "&asOf=" + asOf,
                "Authorization", "Bearer " + AUDITOR).body();
        assertThat(micros("cfo-month-to-date")).isEqualTo(summary.get("monthToDate").get("costUsdMicros").asLong())
                .isPositive();
        assertThat(micros("cfo-budget")).isEqualTo(400_000_000L);
        assertThat(micros("cfo-flagged-open")).isEqualTo(summary.get("flaggedSpend").get("openUsdMicros").asLong());
        if (summary.get("forecast").hasNonNull("monthUsdMicros")) {
            assertThat(micros("cfo-forecast")).isEqualTo(summary.get("forecast").get("monthUsdMicros").asLong());
        }
        assertThat(text("#cfo-ledger")).contains("ledger position " + asOf).contains("signed checkpoint, #" + latestCheckpoint() + ",");
        assertThat(browser.printA4(SHOTS.resolve("cfo.pdf"))).as("pages of the printed CFO page").isEqualTo(1);
    }

    @Test
    void a_team_page_shows_its_own_team_and_refuses_the_lead_of_another() {
        String lead = TestIssuer.teamToken("lee", "team-lead", List.of(PagesSeed.PLATFORM), null);
        showReady("/teams/platform#token=" + lead, 1400, 2600, "team-platform");
        JsonNode spend = JsonHttp.get(report + endpoint("team-spend"), "Authorization", "Bearer " + lead).body();
        assertThat(micros("team-spend-total")).isEqualTo(spend.get("totals").get("costUsdMicros").asLong()).isPositive();
        String page = browser.driver().findElement(By.tagName("main")).getText();
        for (String other : peopleOf(PagesSeed.WEB)) {
            assertThat(page).as("a person of another team").doesNotContain(other);
        }

        String otherLead = TestIssuer.teamToken("wes", "team-lead", List.of(PagesSeed.WEB), null);
        browser.driver().manage().deleteAllCookies();
        browser.driver().executeScript("sessionStorage.clear()");
        assertThat(browser.open(report + "/teams/platform#token=" + otherLead, RENDER)).isEqualTo("refused");
        browser.screenshot(SHOTS.resolve("team-refused.png"));
        assertThat(browser.driver().findElement(By.id("sections")).isDisplayed()).as("no figures shown").isFalse();
        assertThat(text("#page-message")).contains("may not read the reports of team platform (403)");
        // The refused request itself is in the browser's network log; nothing else may be.
        assertThat(consoleErrors()).allMatch(entry -> entry.contains("status of 403"));
    }

    @Test
    void without_a_token_a_page_asks_for_one_and_every_page_sends_a_strict_policy() {
        browser.driver().executeScript("sessionStorage.clear()");
        assertThat(browser.open(report + "/cfo", RENDER)).isEqualTo("need-token");
        assertThat(browser.driver().findElement(By.id("token-input")).isDisplayed()).isTrue();
        assertNoConsoleErrors("token form");
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

    /**
     * Opens {@code path} in a window of that size, expects it rendered without a console error, and saves its
     * screenshot as {@code name}.png.
     */
    private static void showReady(String path, int width, int height, String name) {
        browser.resize(width, height);
        assertThat(browser.open(report + path, RENDER)).as(name + " page state").isEqualTo("ready");
        assertNoConsoleErrors(name);
        assertThat(browser.driver().findElements(By.tagName("h1"))).as("one page, one heading").hasSize(1);
        browser.screenshot(SHOTS.resolve(name + ".png"));
    }

    private static long latestCheckpoint() {
        return JsonHttp.get(report + "/v1/reports/audit/ledger", "Authorization", "Bearer " + AUDITOR).body()
                .get("ledger").get("latestCheckpoint").get("checkpointNumber").asLong();
    }

    private static JsonNode endpointOf(String panel) {
        return JsonHttp.get(report + endpoint(panel), "Authorization", "Bearer " + AUDITOR).body();
    }

    /** The report URL a panel shows as its source (and read its figures from). */
    private static String endpoint(String panel) {
        return browser.driver().findElement(By.cssSelector("#" + panel + " code[data-endpoint]"))
                .getAttribute("data-endpoint");
    }

    private static long micros(String figure) {
        WebElement element = browser.driver().findElement(By.cssSelector("[data-figure='" + figure + "']"));
        return Long.parseLong(element.getAttribute("data-micros"));
    }

    private static String text(String selector) {
        return browser.driver().findElement(By.cssSelector(selector)).getText();
    }

    /** The pseudonymous refs of {@code team}'s people, as an auditor reads them. */
    private static List<String> peopleOf(String team) {
        List<String> refs = new ArrayList<>();
        JsonNode people = JsonHttp.get(report + endpoint("team-spend").replace("team=platform", "team=" + team)
                .replace("groupBy=model", "groupBy=personRef"), "Authorization", "Bearer " + AUDITOR).body();
        people.get("rows").forEach(row -> refs.add(row.get("personRef").asText()));
        assertThat(refs).as("people of team " + team).isNotEmpty();
        return refs;
    }

    private static List<String> consoleErrors() {
        return browser.consoleEntries().stream().filter(entry -> entry.getLevel().intValue() >= Level.SEVERE
                .intValue()).map(LogEntry::getMessage).toList();
    }

    private static void assertNoConsoleErrors(String page) {
        assertThat(consoleErrors()).as("console errors on the " + page + " page").isEmpty();
    }
}
