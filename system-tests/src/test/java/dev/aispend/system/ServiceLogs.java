package dev.aispend.system;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The lines the services of one run wrote to their logs between two marks: the logs are appended to across runs
 * and restarts, so a test marks where they ended before and after what it looks at, and reads only that part.
 */
final class ServiceLogs {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A log line: its text, and the JSON object it holds (null when it is not one). */
    record Line(String service, String text, JsonNode json) {
        String field(String name) {
            return json == null || !json.hasNonNull(name) ? null : json.get(name).asText();
        }

        @Override
        public String toString() {
            return service + ": " + text;
        }
    }

    private final Path directory;
    private final Set<String> services;

    ServiceLogs(Path directory, Set<String> services) {
        this.directory = directory;
        this.services = Set.copyOf(services);
    }

    /** Where each service's log ends now (0 for a log not written yet). */
    Map<String, Long> mark() {
        Map<String, Long> ends = new HashMap<>();
        for (String service : services) {
            Path log = logOf(service);
            try {
                ends.put(service, Files.exists(log) ? Files.size(log) : 0L);
            } catch (IOException failure) {
                throw new UncheckedIOException(failure);
            }
        }
        return ends;
    }

    /** Every line written between the two marks, by every service. */
    List<Line> between(Map<String, Long> from, Map<String, Long> to) {
        List<Line> lines = new ArrayList<>();
        for (String service : services) {
            String text = read(logOf(service), from.getOrDefault(service, 0L), to.getOrDefault(service, 0L));
            for (String line : text.split("\n")) {
                if (!line.isBlank()) {
                    lines.add(new Line(service, line, parsed(line)));
                }
            }
        }
        return lines;
    }

    private Path logOf(String service) {
        return directory.resolve(service + ".log");
    }

    private static JsonNode parsed(String line) {
        try {
            JsonNode node = JSON.readTree(line);
            return node != null && node.isObject() ? node : null;
        } catch (JsonProcessingException notJson) {
            return null;
        }
    }

    private static String read(Path log, long from, long to) {
        if (to <= from) {
            return "";
        }
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            byte[] bytes = new byte[Math.toIntExact(to - from)];
            file.seek(from);
            file.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }
}
