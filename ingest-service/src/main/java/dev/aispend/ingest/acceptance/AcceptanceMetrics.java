package dev.aispend.ingest.acceptance;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * {@code aispend.ingest.records.accepted}: the records Kafka acknowledged, by {@code type} (usage, outcome) and
 * {@code source}, the channel a record came through: the part of its source before any ':' (api, otlp, litellm,
 * github, and the providers' names, anthropic and openai). The part after it names a client (api:ci-importer,
 * otlp:claude-code), which callers choose, so it stays out of the tag: a series per client name would be without
 * bound. Counted after the acknowledgement only: a refused or unacknowledged record is not accepted.
 */
public final class AcceptanceMetrics {
    static final String METRIC = "aispend.ingest.records.accepted";
    static final String USAGE = "usage";
    static final String OUTCOME = "outcome";

    private final MeterRegistry meters;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    public AcceptanceMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    <R> void accepted(String type, List<R> records, Function<R, String> sourceOf) {
        for (R record : records) {
            counter(type, channelOf(sourceOf.apply(record))).increment();
        }
    }

    static String channelOf(String source) {
        int separator = source.indexOf(':');
        return separator < 0 ? source : source.substring(0, separator);
    }

    private Counter counter(String type, String channel) {
        return counters.computeIfAbsent(type + "\n" + channel, key -> Counter.builder(METRIC)
                .tag("type", type).tag("source", channel)
                .description("records Kafka acknowledged, by type and the channel they came through")
                .register(meters));
    }
}
