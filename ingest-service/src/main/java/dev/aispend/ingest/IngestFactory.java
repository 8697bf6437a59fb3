package dev.aispend.ingest;

import dev.aispend.ingest.acceptance.AcceptancePath;
import dev.aispend.ingest.acceptance.IngestLimits;
import dev.aispend.ingest.acceptance.SourceOfTruth;
import dev.aispend.ingest.acceptance.SubmissionRules;
import dev.aispend.ingest.identity.Directory;
import dev.aispend.ingest.identity.IdentityResolver;
import dev.aispend.ingest.identity.Pseudonymizer;
import dev.aispend.ingest.kafka.IntakePublisher;
import dev.aispend.platform.kafka.TopicNames;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Property;
import io.micronaut.core.convert.format.MapFormat;
import jakarta.inject.Singleton;

import java.time.Clock;
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
        return new SubmissionRules(new IngestLimits(configuration.maxTokensPerRecord(), configuration.maxClockSkew(),
                configuration.maxRecordAge(), configuration.maxBackfillAge(), configuration.maxBatchRecords(),
                configuration.maxAttributes(), configuration.maxReportedCostUsdMicros()), clock);
    }

    @Singleton
    SourceOfTruth sourceOfTruth(
            @Property(name = "ingest.source-of-truth.sources") String sources,
            @Property(name = "ingest.source-of-truth.providers") @MapFormat(
                    transformation = MapFormat.MapTransformation.FLAT) Map<String, String> providers,
            @Property(name = "ingest.source-of-truth.teams") @MapFormat(
                    transformation = MapFormat.MapTransformation.FLAT) Map<String, String> teams) {
        return new SourceOfTruth(sources, providers, teams);
    }

    @Singleton
    IdentityResolver identityResolver(Directory directory, Pseudonymizer pseudonymizer) {
        return new IdentityResolver(directory, pseudonymizer);
    }

    @Singleton
    AcceptancePath acceptancePath(SubmissionRules rules, IdentityResolver identities, SourceOfTruth sourceOfTruth,
                                  IntakePublisher publisher, TopicNames topics, Clock clock,
                                  IngestConfiguration configuration) {
        return new AcceptancePath(rules, identities, sourceOfTruth, publisher, topics, clock,
                configuration.publishTimeout());
    }
}
