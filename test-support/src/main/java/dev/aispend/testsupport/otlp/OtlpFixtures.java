package dev.aispend.testsupport.otlp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The OTLP JSON fixtures under {@code fixtures/otlp/} (exports shaped as Claude Code and GenAI-instrumented
 * agents send them), moved in time: they are written as of {@link #WRITTEN_AT}, and ingest refuses usage older
 * than its record age limit, so a test moves every {@code *UnixNano} time and every ISO 8601 time by the same
 * amount. Moving one fixture to two different times gives two different exports; to the same time, the same one.
 */
public final class OtlpFixtures {
    /** The time the fixtures' exports were written as (their series start at it). */
    public static final Instant WRITTEN_AT = Instant.parse("2026-11-23T10:00:00Z");
    private static final Pattern UNIX_NANO = Pattern.compile("(\"\\w*UnixNano\"\\s*:\\s*\"?)(\\d+)");
    private static final Pattern ISO_TIME = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(?:\\.\\d{1,9})?Z");

    private OtlpFixtures() {
    }

    /** The fixture as written. */
    public static String load(String name) {
        String path = "fixtures/otlp/" + name;
        try (InputStream in = OtlpFixtures.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    /** The fixture with every time moved so that {@link #WRITTEN_AT} becomes {@code at}. */
    public static String at(String name, Instant at) {
        return moved(load(name), Duration.between(WRITTEN_AT, at));
    }

    static String moved(String json, Duration by) {
        long nanos = by.toNanos();
        Matcher unixNano = UNIX_NANO.matcher(json);
        StringBuilder moved = new StringBuilder();
        while (unixNano.find()) {
            long value = Long.parseLong(unixNano.group(2));
            String replaced = value == 0 ? "0" : Long.toString(value + nanos);
            unixNano.appendReplacement(moved, Matcher.quoteReplacement(unixNano.group(1) + replaced));
        }
        unixNano.appendTail(moved);
        Matcher iso = ISO_TIME.matcher(moved.toString());
        StringBuilder result = new StringBuilder();
        while (iso.find()) {
            iso.appendReplacement(result, Instant.parse(iso.group()).plus(by).toString());
        }
        iso.appendTail(result);
        return result.toString();
    }
}
