package dev.aispend.system;

import com.fasterxml.jackson.databind.JsonNode;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the page tests ask of a page in the browser: open it and wait until it marks itself done, no console error,
 * no absent value rendered as text ("undefined", "NaN", "null"), its figures (data-micros, named by data-figure)
 * and the endpoints its panels name, and a screenshot in system-tests/target/screenshots.
 */
final class PageCheck implements AutoCloseable {
    static final Duration RENDER = Duration.ofSeconds(60);
    static final Path SHOTS = Path.of(System.getProperty("repository.root", ".."))
            .resolve("system-tests/target/screenshots");
    /** A JavaScript absent value written out as text: a field the JSON left out, a division by nothing. */
    private static final Pattern ABSENT = Pattern.compile("\\b(undefined|NaN|null)\\b");
    /** Everything a reader can be shown: the visible text, folded tables, and the charts' text alternatives. */
    private static final String SHOWN_TEXT = "return [document.body.innerText,"
            + " document.getElementById('sections') ? document.getElementById('sections').textContent : '',"
            + " ...[...document.querySelectorAll('[aria-label]')].map((e) => e.getAttribute('aria-label'))]"
            + ".join('\\n');";
    private static final int TALLEST_SCREENSHOT = 8000;

    private final Browser browser = new Browser();
    private final String report;
    private final String auditor;

    PageCheck(String report, String auditor) {
        this.report = report;
        this.auditor = auditor;
    }

    Browser browser() {
        return browser;
    }

    /**
     * Opens {@code path} in a window of that size, expects it rendered without a console error or an absent value,
     * and saves its screenshot as {@code name}.png; {@code wholePage} first grows the window to the page's height.
     */
    void showReady(String path, int width, int height, String name, boolean wholePage) {
        browser.resize(width, height);
        assertThat(browser.open(report + path, RENDER)).as(name + " page state").isEqualTo("ready");
        assertNoConsoleErrors(name);
        assertNoAbsentValues(name);
        assertThat(browser.driver().findElements(By.tagName("h1"))).as("one page, one heading").hasSize(1);
        if (wholePage) {
            Object tall = browser.driver().executeScript("return document.documentElement.scrollHeight;");
            browser.resize(width, (int) Math.min(TALLEST_SCREENSHOT, ((Number) tall).longValue() + 140));
        }
        browser.screenshot(SHOTS.resolve(name + ".png"));
    }

    void assertNoAbsentValues(String page) {
        String shown = (String) browser.driver().executeScript(SHOWN_TEXT);
        Matcher absent = ABSENT.matcher(shown);
        if (absent.find()) {
            int from = Math.max(0, absent.start() - 80);
            throw new AssertionError("the " + page + " page shows an absent value as '" + absent.group() + "': …"
                    + shown.substring(from, Math.min(shown.length(), absent.end() + 80)) + "…");
        }
    }

    long latestCheckpoint() {
        return get("/v1/reports/audit/ledger").get("ledger").get("latestCheckpoint").get("checkpointNumber").asLong();
    }

    /** The report a panel names as its source, as an auditor reads it. */
    JsonNode endpointOf(String panel) {
        return get(endpoint(panel));
    }

    /** A report path and query, as an auditor reads it. */
    JsonNode get(String pathAndQuery) {
        return get(pathAndQuery, auditor);
    }

    JsonNode get(String pathAndQuery, String token) {
        JsonHttp.Response answer = JsonHttp.get(report + pathAndQuery, "Authorization", "Bearer " + token);
        assertThat(answer.status()).as(pathAndQuery).isEqualTo(200);
        return answer.body();
    }

    /** The report URL a panel shows as its source (and read its figures from). */
    String endpoint(String panel) {
        return browser.driver().findElement(By.cssSelector("#" + panel + " code[data-endpoint]"))
                .getAttribute("data-endpoint");
    }

    long micros(String figure) {
        WebElement element = browser.driver().findElement(By.cssSelector("[data-figure='" + figure + "']"));
        return Long.parseLong(element.getAttribute("data-micros"));
    }

    String text(String selector) {
        return browser.driver().findElement(By.cssSelector(selector)).getText();
    }

    List<String> texts(String selector) {
        return browser.driver().findElements(By.cssSelector(selector)).stream().map(WebElement::getText).toList();
    }

    List<String> consoleErrors() {
        return browser.consoleEntries().stream().filter(entry -> entry.getLevel().intValue() >= Level.SEVERE
                .intValue()).map(LogEntry::getMessage).toList();
    }

    void assertNoConsoleErrors(String page) {
        assertThat(consoleErrors()).as("console errors on the " + page + " page").isEmpty();
    }

    @Override
    public void close() {
        browser.close();
    }
}
