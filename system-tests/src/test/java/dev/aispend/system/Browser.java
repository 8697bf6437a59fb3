package dev.aispend.system;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.Pdf;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.print.PageMargin;
import org.openqa.selenium.print.PageSize;
import org.openqa.selenium.print.PrintOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Debian's headless Chromium driven through Debian's chromedriver (installed by browser/ensure-chromium.sh before
 * the integration tests), with the flags that work on these machines as root and offline: a fresh profile, no
 * sandbox, no background connections. Keeps the browser's console log, so a test can fail on any error in it.
 */
final class Browser implements AutoCloseable {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Set<String> DONE = Set.of("ready", "refused", "error", "need-token");
    /** A PDF's page objects ("/Type /Page", not "/Type /Pages"). */
    private static final Pattern PAGE_OBJECT = Pattern.compile("/Type\\s*/Page(?![a-zA-Z])");

    private final ChromeDriver driver;
    private final Path profile;

    Browser() {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException(CHROMIUM + " or " + CHROMEDRIVER + " is missing: the build installs them "
                    + "(system-tests/browser/ensure-chromium.sh) before the integration tests");
        }
        try {
            profile = Files.createTempDirectory("pages-chromium-");
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=1400,1000");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
    }

    /** Opens {@code url} and waits (bounded) until the page marks itself done; returns its state. */
    String open(String url, Duration within) {
        // From a blank page: a URL that differs from the current one only in its fragment would not load again.
        driver.get("about:blank");
        driver.get(url);
        return awaitDone(within);
    }

    String awaitDone(Duration within) {
        return new WebDriverWait(driver, within).until(page -> {
            String state = driver.findElement(By.tagName("body")).getAttribute("data-state");
            return DONE.contains(state) ? state : null;
        });
    }

    ChromeDriver driver() {
        return driver;
    }

    void resize(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    /** Everything the console logged since the last call. */
    List<LogEntry> consoleEntries() {
        return driver.manage().logs().get(LogType.BROWSER).getAll();
    }

    Path screenshot(Path file) {
        try {
            Files.createDirectories(file.getParent());
            File taken = driver.getScreenshotAs(OutputType.FILE);
            Files.copy(taken.toPath(), file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    /** Prints the page as Chromium would on A4 paper (its print CSS applies); writes the PDF, returns its pages. */
    int printA4(Path file) {
        PrintOptions print = new PrintOptions();
        print.setPageSize(new PageSize(29.7, 21.0));
        print.setPageMargin(new PageMargin(1.2, 1.2, 1.5, 1.5));
        print.setBackground(true);
        Pdf pdf = driver.print(print);
        byte[] bytes = Base64.getDecoder().decode(pdf.getContent());
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
        Matcher pages = PAGE_OBJECT.matcher(new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1));
        int count = 0;
        while (pages.find()) {
            count++;
        }
        return count;
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // A leftover temporary profile harms nothing.
        }
    }
}
