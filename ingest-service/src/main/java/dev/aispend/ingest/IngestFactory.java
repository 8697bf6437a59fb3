package dev.aispend.ingest;

import dev.aispend.ingest.acceptance.AcceptanceMetrics;
import dev.aispend.ingest.acceptance.AcceptancePath;
import dev.aispend.ingest.acceptance.IngestLimits;
import dev.aispend.ingest.acceptance.SourceOfTruth;
import dev.aispend.ingest.acceptance.SubmissionRules;
import dev.aispend.ingest.identity.Directory;
import dev.aispend.ingest.identity.IdentityResolver;
import dev.aispend.ingest.identity.Pseudonymizer;
import dev.aispend.ingest.kafka.IntakePublisher;
import dev.aispend.platform.kafka.TopicNames;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Property;
import io.micronaut.context.env.Environment;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

@Factory
final class IngestFactory {

    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Fails start-up without a key: running with a made-up default would leak stable, guessable refs. */
    @Singleton
    Pseudonymizer pseudonymizer(IngestConfiguration configuration) {
        return new Pseudonymizer(configuration.pseudonymKey());
    }

    @Singleton
    SubmissionRules submissionRules(IngestConfiguration configuration, Clock clock) {
        return new SubmissionRules(new IngestLimits(configuration.maxTokensPerRecord(),
                configuration.maxBackfillTokensPerRecord(), configuration.maxClockSkew(),
                configuration.maxRecordAge(), configuration.maxBackfillAge(), configuration.maxBatchRecords(),
                configuration.maxAttributes(), configuration.maxReportedCostUsdMicros()), clock);
    }

    @Singleton
    SourceOfTruth sourceOfTruth(@Property(name = "ingest.source-of-truth.sources") String sources,
                                @Property(name = "ingest.source-of-truth.outcome-sources") String outcomeSources,
                                Environment environment) {
        return new SourceOfTruth(sources, settings(environment, "ingest.source-of-truth.providers"),
                settings(environment, "ingest.source-of-truth.teams"), outcomeSources);
    }

    /**
     * The keys under {@code prefix}, read one by one: a Map-typed {@code @Property} returns application.yml's
     * empty default ({@code providers: {}}) and hides every key set by an environment variable
     * (INGEST_SOURCE_OF_TRUTH_PROVIDERS_ANTHROPIC) or another property source (measured).
     */
    private static Map<String, String> settings(Environment environment, String prefix) {
        Map<String, String> settings = new HashMap<>();
        environment.getProperties(prefix).forEach((key, value) -> settings.put(key, String.valueOf(value)));
        return settings;
    }

    @Singleton
    IdentityResolver identityResolver(Directory directory, Pseudonymizer pseudonymizer) {
        return new IdentityResolver(directory, pseudonymizer);
    }

    @Singleton
    AcceptancePath acceptancePath(SubmissionRules rules, IdentityResolver identities, SourceOfTruth sourceOfTruth,
                                  IntakePublisher publisher, TopicNames topics, Clock clock,
                                  IngestConfiguration configuration, MeterRegistry meters) {
        return new AcceptancePath(rules, identities, sourceOfTruth, publisher, topics, clock,
                configuration.publishTimeout(), new AcceptanceMetrics(meters));
    }
}
