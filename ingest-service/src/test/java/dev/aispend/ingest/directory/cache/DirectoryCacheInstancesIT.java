package dev.aispend.ingest.directory.cache;

import dev.aispend.devstack.Wait;
import dev.aispend.ingest.IngestIntegration;
import dev.aispend.ingest.IngestTestProperties;
import dev.aispend.ingest.acceptance.Locator;
import dev.aispend.ingest.directory.DirectoryService;
import dev.aispend.ingest.directory.PersonEntry;
import dev.aispend.ingest.identity.AliasKind;
import dev.aispend.ingest.identity.Attribution;
import dev.aispend.ingest.identity.IdentityResolver;
import dev.aispend.ingest.identity.SubjectAliases;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of ingest on one database, each with its own cache and its own listening connection: a change
 * written through either is resolved by the other once PostgreSQL's notification reaches it, although the other
 * had the alias cached (its TTL, five minutes, is not what empties it).
 */
@MicronautTest(transactional = false)
class DirectoryCacheInstancesIT extends IngestIntegration {
    private static final Duration WITHIN = DirectoryCacheIT.WITHIN;
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @Inject
    ApplicationContext first;
    @Inject
    IdentityResolver firstResolver;
    @Inject
    DirectoryCache firstCache;

    DirectoryCacheInstancesIT() {
        super("directory-cache-instances-it.");
    }

    @Test
    void each_instance_resolves_a_change_written_through_the_other_once_notified() {
        try (ApplicationContext second = ApplicationContext.run(onTheSameDatabase(), Environment.TEST)) {
            IdentityResolver secondResolver = second.getBean(IdentityResolver.class);
            DirectoryCache secondCache = second.getBean(DirectoryCache.class);
            Wait.until("both instances listening", WITHIN, () -> firstCache.usable() && secondCache.usable());
            assertCachedUnknown(second, secondResolver);

            post("eva@example.com", "platform", NOW.minus(Duration.ofDays(1)));
            Wait.until("the second instance resolving what was written through the first", WITHIN,
                    () -> resolve(secondResolver, NOW).attributed());
            assertThat(resolve(secondResolver, NOW).team()).isEqualTo("platform");

            assertThat(resolve(firstResolver, NOW).team()).isEqualTo("platform");
            second.getBean(DirectoryService.class).record(List.of(new PersonEntry("eva@example.com", "research",
                    null, NOW.minus(Duration.ofHours(1)), Map.of(AliasKind.EMAIL, List.of("eva@example.com")))),
                    Locator.SINGLE);
            Wait.until("the first instance resolving what was written through the second", WITHIN,
                    () -> resolve(firstResolver, NOW).team().equals("research"));
        }
    }

    /** The second instance has the unknown alias in its cache: its second resolution is a hit. */
    private static void assertCachedUnknown(ApplicationContext second, IdentityResolver secondResolver) {
        MeterRegistry meters = second.getBean(MeterRegistry.class);
        assertThat(resolve(secondResolver, NOW).attributed()).isFalse();
        double hits = meters.get(DirectoryCacheMetrics.LOOKUPS).tag("result", "hit").counter().count();
        assertThat(resolve(secondResolver, NOW).attributed()).isFalse();
        assertThat(meters.get(DirectoryCacheMetrics.LOOKUPS).tag("result", "hit").counter().count())
                .isEqualTo(hits + 1);
    }

    /** The second instance's settings: its own topics, the first instance's database. */
    private Map<String, Object> onTheSameDatabase() {
        Map<String, Object> properties = new HashMap<>(IngestTestProperties.of("directory-cache-instances-b."));
        properties.put("datasources.default.url", first.getRequiredProperty("datasources.default.url",
                String.class));
        // Only its beans are used: no HTTP server is started, and no port is needed.
        return properties;
    }

    private static Attribution resolve(IdentityResolver resolver, Instant at) {
        return resolver.resolve(SubjectAliases.ofEmail("eva@example.com"), null, null, at);
    }

    private void post(String email, String team, Instant validFrom) {
        assertThat(http.postJson("/v1/directory/people", """
                {"person": "%s", "team": "%s", "validFrom": "%s", "aliases": {"email": "%s"}}"""
                .formatted(email, team, validFrom, email)).code()).isEqualTo(201);
    }
}
