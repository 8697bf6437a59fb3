package dev.aispend.ingest.directory.web;

import dev.aispend.contracts.Topics;
import dev.aispend.contracts.identity.IdentityLink;
import dev.aispend.ingest.IngestIntegration;
import dev.aispend.testsupport.KafkaProbe;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static dev.aispend.ingest.IngestHttp.assertProblem;
import static dev.aispend.ingest.IngestHttp.body;
import static org.assertj.core.api.Assertions.assertThat;

/** The directory's API and CSV import against a real PostgreSQL and a real Kafka broker. */
@MicronautTest
class DirectoryIT extends IngestIntegration {

    @Inject
    DirectoryHttp directory;

    DirectoryIT() {
        super("directory-it.");
    }

    @Test
    void publishes_a_link_of_pseudonymous_refs_for_every_alias_and_the_person_key_and_no_email() {
        KafkaProbe probe = probe();

        HttpResponse<String> response = directory.postPerson("""
                {"person": "Alice@Example.com", "team": "platform", "costCenter": "cc-1",
                 "validFrom": "2026-01-01T00:00:00Z", "aliases": {"email": ["alice@example.com"],
                 "githubLogin": "alice-gh", "apiKeyId": ["apikey_01A"]}}""");

        assertThat(response.code()).as(body(response)).isEqualTo(201);
        assertThat(body(response)).isEqualTo("{\"entries\":1,\"aliases\":4,\"recorded\":4,\"unchanged\":0}");
        List<String> values = directory.read(probe, 4);
        assertThat(values).allSatisfy(value -> assertThat(value).doesNotContainIgnoringCase("alice")
                .doesNotContain("example.com", "apikey_01A"));
        List<IdentityLink> links = directory.links(probe, 4);
        assertThat(links).extracting(IdentityLink::aliasKind)
                .containsExactlyInAnyOrder("person", "email", "githubLogin", "apiKeyId");
        String personRef = links.get(0).personRef();
        assertThat(personRef).matches("prs_[0-9a-f]{32}");
        assertThat(links).allSatisfy(link -> {
            assertThat(link.personRef()).isEqualTo(personRef);
            assertThat(link.aliasRef()).matches(link.aliasKind().equals("person") ? "prs_[0-9a-f]{32}" : "als_[0-9a-f]{32}");
            assertThat(link).extracting(IdentityLink::team, IdentityLink::costCenter, IdentityLink::source)
                    .containsExactly("platform", "cc-1", "directory");
            assertThat(link.effectiveFrom()).hasToString("2026-01-01T00:00:00Z");
        });
        assertThat(probe.recordsSinceCreated(4, DirectoryHttp.KAFKA_WAIT)).extracting(record -> record.key())
                .containsExactlyInAnyOrderElementsOf(links.stream().map(IdentityLink::aliasRef).toList());
    }

    @Test
    void answers_the_same_entry_again_with_200_and_publishes_the_same_link_ids() {
        KafkaProbe probe = probe();
        String bob = """
                {"person": "bob@example.com", "team": "platform", "validFrom": "2026-02-01T00:00:00Z",
                 "aliases": {"email": ["bob@example.com"], "githubLogin": ["bob-gh"]}}""";

        assertThat(directory.postPerson(bob).code()).isEqualTo(201);
        HttpResponse<String> again = directory.postPerson(bob.replace("bob-gh", "BOB-GH"));

        assertThat(again.code()).isEqualTo(200);
        assertThat(body(again)).contains("\"recorded\":0,\"unchanged\":3");
        assertEachLinkIdPublishedTwice(directory.links(probe, 6), 3);
    }

    @Test
    void records_an_undated_entry_from_now_and_the_same_undated_entry_again_not_at_all() {
        String carol = """
                {"person": "carol@example.com", "team": "platform", "aliases": {"email": "carol@example.com"}}""";

        assertThat(directory.postPerson(carol).code()).isEqualTo(201);
        HttpResponse<String> again = directory.postPerson(carol);
        HttpResponse<String> moved = directory.postPerson(carol.replace("platform", "research"));

        assertThat(body(again)).contains("\"recorded\":0,\"unchanged\":2");
        assertThat(body(moved)).contains("\"recorded\":2,\"unchanged\":0");
        assertThat(body(directory.get("/v1/directory/people/carol@example.com"))).contains("\"team\":\"platform\"",
                "\"team\":\"research\"");
    }

    @Test
    void refuses_an_entry_contradicting_a_recorded_one_with_409_naming_the_alias_and_publishes_nothing() {
        directory.postPerson("""
                {"person": "dave@example.com", "team": "platform", "validFrom": "2026-03-01T00:00:00Z",
                 "aliases": {"email": ["dave@example.com"]}}""");
        KafkaProbe probe = probe();

        HttpResponse<String> conflict = directory.postPerson("""
                {"person": "dave@example.com", "team": "research", "validFrom": "2026-03-01T00:00:00Z",
                 "aliases": {"email": ["dave@example.com"]}}""");

        assertProblem(conflict, HttpStatus.CONFLICT, "\"status\":409", "\"field\":\"aliases.email[0]\"",
                "this email already has an entry from 2026-03-01T00:00:00Z");
        assertThat(body(conflict)).doesNotContain("dave@example.com");
        assertThat(probe.endOffsetsUnchanged()).isTrue();
        assertThat(body(directory.get("/v1/directory/aliases?kind=email&value=dave@example.com")))
                .contains("\"team\":\"platform\"");
    }

    @Test
    void refuses_a_bad_entry_naming_each_field_and_publishes_nothing() {
        KafkaProbe probe = probe();

        HttpResponse<String> refused = directory.postPerson("""
                {"person": "erin@example.com", "team": "plat form", "validFrom": "2999-01-01T00:00:00Z",
                 "aliases": {"emial": ["erin@example.com"], "githubLogin": [7]}}""");

        assertThat(refused.code()).isEqualTo(400);
        assertThat(body(refused)).contains("\"field\":\"aliases.emial\"", "\"field\":\"aliases.githubLogin[0]\"");
        HttpResponse<String> rules = directory.postPerson("""
                {"person": "erin@example.com", "team": "plat form", "validFrom": "2999-01-01T00:00:00Z"}""");
        assertThat(body(rules)).contains("\"field\":\"team\"", "\"field\":\"validFrom\"", "in the future");
        assertThat(probe.endOffsetsUnchanged()).isTrue();
    }

    @Test
    void imports_a_csv_all_or_nothing_and_the_same_file_again_without_change() {
        String csv = """
                person,team,costCenter,validFrom,email,githubLogin,providerAccountId,apiKeyId
                frank@example.com,platform,cc-1,2026-04-01T00:00:00Z,frank@example.com|f.jones@example.com,frank-gh,,
                "Grace, Hopper",research,,2026-04-01T00:00:00Z,grace@example.com,,"org-1",
                """;
        KafkaProbe probe = probe();

        HttpResponse<String> first = directory.postCsv(csv);
        HttpResponse<String> second = directory.postCsv(csv);

        assertThat(first.code()).as(body(first)).isEqualTo(201);
        assertThat(body(first)).isEqualTo("{\"entries\":2,\"aliases\":7,\"recorded\":7,\"unchanged\":0}");
        assertThat(second.code()).isEqualTo(200);
        assertEachLinkIdPublishedTwice(directory.links(probe, 14), 7);
        assertThat(body(directory.get("/v1/directory/aliases?kind=providerAccountId&value=org-1")))
                .contains("\"person\":\"grace, hopper\"", "\"team\":\"research\"");
    }

    @Test
    void refuses_a_csv_with_one_bad_row_naming_row_and_column_and_records_none_of_it() {
        KafkaProbe probe = probe();

        HttpResponse<String> refused = directory.postCsv("""
                person,team,email
                heidi@example.com,platform,heidi@example.com
                ivan@example.com,bad team,ivan@example.com
                """);

        assertThat(refused.code()).isEqualTo(400);
        assertThat(body(refused)).contains("\"field\":\"row 3 column team\"");
        assertThat(probe.endOffsetsUnchanged()).isTrue();
        assertThat(directory.get("/v1/directory/aliases?kind=email&value=heidi@example.com").code()).isEqualTo(404);
    }

    @Test
    void answers_who_an_alias_belonged_to_at_an_instant_and_pages_a_persons_history() {
        directory.postPerson("""
                {"person": "judy@example.com", "team": "platform", "validFrom": "2026-05-01T00:00:00Z",
                 "aliases": {"githubLogin": ["judy-gh"]}}""");
        directory.postPerson("""
                {"person": "judy@example.com", "team": "research", "validFrom": "2026-07-01T00:00:00Z",
                 "aliases": {"githubLogin": ["judy-gh"]}}""");

        String before = "/v1/directory/aliases?kind=githubLogin&value=Judy-GH&at=";
        assertThat(directory.get(before + "2026-04-30T23:59:59Z").code()).isEqualTo(404);
        assertThat(body(directory.get(before + "2026-06-30T23:59:59Z"))).contains("\"team\":\"platform\"",
                "\"validFrom\":\"2026-05-01T00:00:00Z\"", "\"aliasRef\":\"als_", "\"personRef\":\"prs_");
        assertThat(body(directory.get(before + "2026-07-01T00:00:00Z"))).contains("\"team\":\"research\"");
        HttpResponse<String> page = directory.get("/v1/directory/people/Judy@example.com?limit=3");
        assertThat(body(page)).contains("\"person\":\"judy@example.com\"", "\"nextOffset\":3");
        assertThat(body(directory.get("/v1/directory/people/judy@example.com?limit=3&offset=3")))
                .doesNotContain("nextOffset").contains("\"validFrom\":\"2026-07-01T00:00:00Z\"");
        assertThat(body(directory.get("/v1/directory/aliases?kind=nickname&value=x&at=yesterday")))
                .contains("\"field\":\"kind\"", "\"field\":\"at\"");
    }

    /** Partitions interleave, so the two publications are compared as counts per id, not in order. */
    private static void assertEachLinkIdPublishedTwice(List<IdentityLink> links, int distinct) {
        Map<String, Long> publications = links.stream()
                .collect(Collectors.groupingBy(IdentityLink::linkId, Collectors.counting()));
        assertThat(publications).hasSize(distinct).allSatisfy((linkId, count) -> assertThat(count).isEqualTo(2));
    }

    private KafkaProbe probe() {
        return probe(Topics.IDENTITY_V1);
    }
}
