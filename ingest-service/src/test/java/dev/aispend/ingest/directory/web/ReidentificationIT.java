package dev.aispend.ingest.directory.web;

import dev.aispend.contracts.Topics;
import dev.aispend.contracts.identity.IdentityMessage;
import dev.aispend.contracts.identity.Reidentification;
import dev.aispend.ingest.IngestIntegration;
import dev.aispend.testsupport.KafkaProbe;
import dev.aispend.testsupport.security.TestBearerFilter;
import dev.aispend.testsupport.security.TestIssuer;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static dev.aispend.ingest.IngestHttp.assertProblem;
import static dev.aispend.ingest.IngestHttp.body;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Re-identification against a real PostgreSQL and a real Kafka broker: only the compliance officer is told who a
 * person ref is, and only after the act (actor from the token, reason, kinds disclosed, no value) is on identity.v1.
 */
@MicronautTest
class ReidentificationIT extends IngestIntegration {
    private static final String PATH = "/v1/directory/reidentifications";
    private static final String CARL = "Bearer " + TestIssuer.token("carl", "compliance-officer");

    @Inject
    DirectoryHttp directory;
    @Inject
    JsonMapper json;
    private String personRef;

    ReidentificationIT() {
        super("reidentification-it.");
    }

    @BeforeAll
    void recordOlga() {
        HttpResponse<String> recorded = directory.postPerson("""
                {"person": "Olga@Example.com", "team": "platform", "validFrom": "2026-01-01T00:00:00Z",
                 "aliases": {"email": ["olga@example.com", "o.petrova@example.com"], "githubLogin": "olga-gh"}}""");
        assertThat(recorded.code()).as(body(recorded)).isEqualTo(201);
        personRef = body(directory.get("/v1/directory/aliases?kind=githubLogin&value=olga-gh"))
                .replaceAll(".*\"personRef\":\"(prs_[0-9a-f]{32})\".*", "$1");
        assertThat(personRef).matches("prs_[0-9a-f]{32}");
    }

    @Test
    void tells_the_compliance_officer_who_a_ref_is_after_recording_the_act_without_the_values() throws Exception {
        KafkaProbe probe = probe(Topics.IDENTITY_V1);

        HttpResponse<String> answer = reidentify(CARL, """
                {"personRef": "%s", "reason": "subpoena 2026-17 (ticket LEGAL-88)"}""".formatted(personRef));

        assertThat(answer.code()).as(body(answer)).isEqualTo(200);
        assertThat(body(answer)).contains("\"person\":\"olga@example.com\"", "\"personRef\":\"" + personRef + "\"",
                "{\"kind\":\"email\",\"value\":\"o.petrova@example.com\"}",
                "{\"kind\":\"githubLogin\",\"value\":\"olga-gh\"}", "\"reidentificationId\":\"rid-");
        List<ConsumerRecord<String, String>> published = probe.recordsSinceCreated(1, DirectoryHttp.KAFKA_WAIT);
        assertThat(published).hasSize(1);
        ConsumerRecord<String, String> message = published.get(0);
        assertThat(message.key()).isEqualTo(personRef);
        assertThat(new String(message.headers().lastHeader(IdentityMessage.TYPE_HEADER).value(),
                StandardCharsets.UTF_8)).isEqualTo(IdentityMessage.REIDENTIFICATION_V1);
        assertThat(message.value()).doesNotContainIgnoringCase("olga").doesNotContain("@");
        Reidentification act = json.readValue(message.value(), Reidentification.class);
        assertThat(act.actor()).isEqualTo("carl");
        assertThat(act.reason()).isEqualTo("subpoena 2026-17 (ticket LEGAL-88)");
        assertThat(act.disclosedKinds()).containsExactly("person", "email", "githubLogin");
        assertThat(body(answer)).contains("\"reidentificationId\":\"" + act.reidentificationId() + "\"");
    }

    @Test
    void refuses_everyone_but_the_compliance_officer() {
        String body = "{\"personRef\": \"%s\", \"reason\": \"curious\"}".formatted(personRef);

        assertThat(reidentify("Bearer " + TestIssuer.token("ada", "admin"), body).code()).isEqualTo(403);
        assertThat(reidentify("Bearer " + TestIssuer.token("lee", "team-lead", "finance-auditor"), body).code())
                .isEqualTo(403);
        assertThat(reidentify(TestBearerFilter.NO_CREDENTIALS, body).code()).isEqualTo(401);
    }

    @Test
    void discloses_and_records_nothing_for_a_ref_the_directory_does_not_know() {
        KafkaProbe probe = probe(Topics.IDENTITY_V1);

        HttpResponse<String> unknown = reidentify(CARL, """
                {"personRef": "prs_00000000000000000000000000000000", "reason": "audit sample"}""");

        assertProblem(unknown, HttpStatus.NOT_FOUND, "knows no person by this ref");
        assertThat(probe.endOffsetsUnchanged()).isTrue();
    }

    @Test
    void refuses_a_bad_request_naming_each_field_an_email_in_the_reason_and_an_actor_in_the_body() {
        HttpResponse<String> refused = reidentify(CARL, """
                {"personRef": "alice@example.com", "reason": "asked by bob@example.com", "actor": "someone-else"}""");

        assertProblem(refused, HttpStatus.BAD_REQUEST, "\"field\":\"personRef\"", "\"field\":\"reason\"",
                "must not contain an email address", "\"field\":\"actor\"");
        assertProblem(reidentify(CARL, "{\"personRef\": \"%s\"}".formatted(personRef)), HttpStatus.BAD_REQUEST,
                "\"field\":\"reason\"", "is required");
    }

    private HttpResponse<String> reidentify(String authorization, String body) {
        return http.exchange(HttpRequest.POST(PATH, body).contentType(MediaType.APPLICATION_JSON_TYPE)
                .header("Authorization", authorization));
    }
}
