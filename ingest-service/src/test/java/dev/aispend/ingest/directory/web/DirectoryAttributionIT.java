package dev.aispend.ingest.directory.web;

import dev.aispend.contracts.Topics;
import dev.aispend.contracts.identity.IdentityLink;
import dev.aispend.contracts.usage.UsageRecord;
import dev.aispend.ingest.IngestIntegration;
import dev.aispend.testsupport.KafkaProbe;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Usage posted to {@code /v1/usage} attributed through the directory as of its own time, and an alias first seen
 * unattributed linked later by an {@code IdentityLinked} event carrying the very ref its usage carried.
 */
@MicronautTest
class DirectoryAttributionIT extends IngestIntegration {
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @Inject
    DirectoryHttp directory;

    DirectoryAttributionIT() {
        super("directory-attribution-it.");
    }

    @Test
    void attributes_usage_to_the_team_in_force_at_its_time_and_a_named_team_wins() {
        Instant joined = NOW.minus(Duration.ofDays(10));
        Instant moved = NOW.minus(Duration.ofDays(2));
        directory.postPerson(kim("platform", "cc-1", joined));
        directory.postPerson(kim("research", "cc-2", moved));
        KafkaProbe probe = probe(Topics.USAGE_V1);
        String byEmail = "\"aliases\": {\"email\": \"Kim@Example.com\"}";

        directory.postUsage("kim-before-joining", joined.minusSeconds(1), byEmail);
        directory.postUsage("kim-in-platform", moved.minusSeconds(1), byEmail);
        directory.postUsage("kim-in-research", moved, byEmail);
        directory.postUsage("kim-named-team", moved, byEmail + ", \"team\": \"ops\"");

        Map<String, UsageRecord> usage = directory.usage(probe, 4).stream()
                .collect(Collectors.toMap(UsageRecord::usageRecordId, Function.identity()));
        String kimRef = usage.get("kim-in-platform").personRef();
        assertThat(kimRef).startsWith("prs_");
        assertThat(usage.get("kim-in-platform")).extracting(UsageRecord::team, UsageRecord::costCenter)
                .containsExactly("platform", "cc-1");
        assertThat(usage.get("kim-in-research")).extracting(UsageRecord::team, UsageRecord::costCenter,
                UsageRecord::personRef).containsExactly("research", "cc-2", kimRef);
        assertThat(usage.get("kim-named-team")).extracting(UsageRecord::team, UsageRecord::costCenter,
                UsageRecord::personRef).containsExactly("ops", null, kimRef);
        assertThat(usage.get("kim-before-joining")).extracting(UsageRecord::team).isEqualTo("unattributed");
        assertThat(usage.get("kim-before-joining").personRef()).startsWith("als_");
    }

    @Test
    void links_an_alias_recorded_unattributed_under_the_very_ref_its_usage_carried() {
        KafkaProbe usageProbe = probe(Topics.USAGE_V1);
        directory.postUsage("leo-unknown-email", NOW.minusSeconds(60), "\"aliases\": {\"email\": \"leo@example.com\"}");
        directory.postUsage("mia-unknown-person", NOW.minusSeconds(60), "\"person\": \"Mia@Example.com\"");
        Map<String, UsageRecord> usage = directory.usage(usageProbe, 2).stream()
                .collect(Collectors.toMap(UsageRecord::usageRecordId, Function.identity()));
        KafkaProbe identityProbe = probe(Topics.IDENTITY_V1);

        directory.postPerson("""
                {"person": "leo-key", "team": "platform", "aliases": {"email": ["LEO@example.com"]}}""");
        directory.postPerson("""
                {"person": "mia@example.com", "team": "research"}""");

        List<IdentityLink> links = directory.links(identityProbe, 3);
        assertThat(usage.get("leo-unknown-email").team()).isEqualTo("unattributed");
        assertThat(links).filteredOn(link -> link.aliasKind().equals("email")).singleElement()
                .extracting(IdentityLink::aliasRef).isEqualTo(usage.get("leo-unknown-email").personRef());
        assertThat(links).filteredOn(link -> link.aliasKind().equals("person") && link.team().equals("research"))
                .singleElement().satisfies(link -> {
                    assertThat(link.aliasRef()).isEqualTo(usage.get("mia-unknown-person").personRef());
                    assertThat(link.personRef()).isEqualTo(usage.get("mia-unknown-person").personRef());
                });
    }

    private static String kim(String team, String costCenter, Instant validFrom) {
        return """
                {"person": "kim@example.com", "team": "%s", "costCenter": "%s", "validFrom": "%s",
                 "aliases": {"email": ["kim@example.com"]}}""".formatted(team, costCenter, validFrom);
    }
}
