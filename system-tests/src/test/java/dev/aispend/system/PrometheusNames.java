package dev.aispend.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The metric names a service exports at /prometheus, and the project's own ones deploy/prometheus/alerts.yml uses. */
final class PrometheusNames {
    private static final Pattern OWN_NAME = Pattern.compile("\\baispend_[a-z0-9_]+");

    private PrometheusNames() {
    }

    /** The series names of one scrape: each sample line's name, up to its labels or its value. */
    static Set<String> exportedBy(String serviceUrl) {
        JsonHttp.Response scrape = JsonHttp.get(serviceUrl + "/prometheus");
        if (scrape.status() != 200) {
            throw new IllegalStateException(serviceUrl + "/prometheus answered " + scrape.status());
        }
        Set<String> names = new TreeSet<>();
        for (String line : scrape.body().asText().split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                names.add(line.split("[{ ]", 2)[0]);
            }
        }
        return names;
    }

    static Set<String> usedByTheAlertRules() {
        Path rules = Path.of(System.getProperty("repository.root", "..")).toAbsolutePath().normalize()
                .resolve("deploy/prometheus/alerts.yml");
        try {
            Set<String> names = new TreeSet<>();
            Matcher matcher = OWN_NAME.matcher(Files.readString(rules));
            while (matcher.find()) {
                names.add(matcher.group());
            }
            return names;
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }
}
