package dev.aispend.ingest.source.providers;

import dev.aispend.contracts.Topics;
import dev.aispend.ingest.IngestIntegration;
import dev.aispend.testsupport.KafkaProbe;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.aispend.ingest.source.providers.PageFixtures.ANTHROPIC_COSTS;
import static dev.aispend.ingest.source.providers.PageFixtures.ANTHROPIC_USAGE;
import static dev.aispend.ingest.source.providers.PageFixtures.CLAUDE_CODE;
import static dev.aispend.ingest.source.providers.PageFixtures.OPENAI_COSTS;
import static dev.aispend.ingest.source.providers.PageFixtures.OPENAI_USAGE;
import static dev.aispend.ingest.source.providers.PageFixtures.text;
import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest
class ProviderImportIT extends IngestIntegration {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Pattern USAGE_ID = Pattern.compile("\"usageRecordId\":\"([^\"]+)\"");

    ProviderImportIT() {
        super("imports-it.", Map.of(
                // The fixtures are the providers' documented examples (2024 and 2025); the backfill bound must not
                // expire them.
                "ingest.max-backfill-age", "36500d",
                // An organisation whose OpenAI spend is known only from the usage report names it as the source of
                // truth.
                "ingest.source-of-truth.providers.openai", "openai:usage"));
    }

    @Test
    void imports_an_anthropic_usage_page_as_evidence_with_identical_ids_when_imported_twice() {
        KafkaProbe probe = probe(Topics.USAGE_V1);

        HttpResponse<String> first = post("/anthropic/usage-report", text(ANTHROPIC_USAGE));
        HttpResponse<String> again = post("/anthropic/usage-report", text(ANTHROPIC_USAGE));

        assertThat(first.code()).isEqualTo(HttpStatus.ACCEPTED.getCode());
        assertThat(first.body()).contains("\"usageRecords\":2", "\"evidence\":2", "\"outcomes\":0", "\"skipped\":1");
        assertThat(again.body()).isEqualTo(first.body());
        List<String> values = probe.recordsSinceCreated(4, WAIT).stream().map(ConsumerRecord::value).toList();
        assertThat(values).hasSize(4).allSatisfy(value -> assertThat(value).contains(
                "\"source\":\"anthropic:usage-report\"", "\"accounting\":\"EVIDENCE\"", "\"provider\":\"anthropic\""));
        assertThat(values.get(0)).contains("\"occurredAt\":\"2025-08-01T00:00:00Z\"", "\"inputTokens\":1500",
                "\"cacheWrite1hTokens\":1000", "\"personRef\":\"als_");
        List<String> ids = values.stream().map(ProviderImportIT::usageId).toList();
        assertThat(ids.subList(2, 4)).isEqualTo(ids.subList(0, 2));
        assertThat(ids.get(0)).isNotEqualTo(ids.get(1));
    }

    @Test
    void reads_the_cost_reports_cents_string_as_usd_micros() {
        KafkaProbe probe = probe(Topics.USAGE_V1);

        assertThat(post("/anthropic/cost-report", text(ANTHROPIC_COSTS)).body()).contains("\"usageRecords\":3");

        assertThat(probe.recordsSinceCreated(3, WAIT)).extracting(ConsumerRecord::value)
                .anySatisfy(value -> assertThat(value).contains("\"reportedCostUsdMicros\":1234500",
                        "\"source\":\"anthropic:cost-report\"", "\"inputTokens\":0"));
    }

    @Test
    void imports_a_claude_code_page_as_usage_and_outcomes_without_the_actors_email() {
        KafkaProbe usage = probe(Topics.USAGE_V1);
        KafkaProbe outcomes = probe(Topics.OUTCOMES_V1);

        assertThat(post("/anthropic/claude-code-report", text(CLAUDE_CODE)).body())
                .contains("\"usageRecords\":3", "\"outcomes\":7");

        assertThat(usage.recordsSinceCreated(3, WAIT)).extracting(ConsumerRecord::value).hasSize(3)
                .anySatisfy(value -> assertThat(value).contains("\"reportedCostUsdMicros\":1860000",
                        "\"inputTokens\":45230"))
                .allSatisfy(value -> assertThat(value).doesNotContain("emaildomain"));
        assertThat(outcomes.recordsSinceCreated(7, WAIT)).extracting(ConsumerRecord::value).hasSize(7)
                .anySatisfy(value -> assertThat(value).contains("\"kind\":\"commit\"", "\"count\":8"))
                .anySatisfy(value -> assertThat(value).contains("\"kind\":\"lines_of_code\"", "\"additions\":342",
                        "\"deletions\":128"))
                // The report restates Claude Code's own telemetry a day later: its outcomes are evidence only.
                .allSatisfy(value -> assertThat(value).contains("\"source\":\"anthropic:claude-code-report\"",
                        "\"accounting\":\"EVIDENCE\"").doesNotContain("emaildomain"));
    }

    @Test
    void imports_openai_usage_as_spend_where_configured_and_costs_as_evidence() {
        KafkaProbe probe = probe(Topics.USAGE_V1);

        assertThat(post("/openai/usage", text(OPENAI_USAGE)).body()).contains("\"usageRecords\":2", "\"evidence\":0");
        assertThat(post("/openai/costs", text(OPENAI_COSTS)).body()).contains("\"usageRecords\":2", "\"evidence\":2");

        assertThat(probe.recordsSinceCreated(4, WAIT)).extracting(ConsumerRecord::value).hasSize(4)
                .anySatisfy(value -> assertThat(value).contains("\"source\":\"openai:usage\"", "\"inputTokens\":1000",
                        "\"cacheReadTokens\":4000").doesNotContain("EVIDENCE"))
                .anySatisfy(value -> assertThat(value).contains("\"source\":\"openai:costs\"",
                        "\"reportedCostUsdMicros\":60000", "\"accounting\":\"EVIDENCE\""));
    }

    @Test
    void refuses_a_page_in_another_currency_and_publishes_nothing() {
        KafkaProbe probe = probe(Topics.USAGE_V1);
        String euros = text(ANTHROPIC_COSTS).replace("\"currency\": \"USD\"", "\"currency\": \"EUR\"");

        assertRefused("/anthropic/cost-report", euros, "\"field\":\"data[0].results[2].currency\"", "only USD");
        assertThat(probe.endOffsetsUnchanged()).isTrue();
    }

    @Test
    void refuses_wrong_types_and_negative_counts_naming_their_place_and_publishes_nothing() {
        KafkaProbe probe = probe(Topics.USAGE_V1);

        assertRefused("/anthropic/usage-report", text(ANTHROPIC_USAGE).replace("\"output_tokens\": 500",
                "\"output_tokens\": \"500\""), "\"field\":\"data[0].results[0].output_tokens\"", "must be a whole number");
        assertRefused("/openai/usage", text(OPENAI_USAGE).replace("\"input_tokens\": 5000", "\"input_tokens\": -5"),
                "\"field\":\"data[0].results[0].input_tokens\"", "must not be negative");
        assertRefused("/openai/costs", "{\"object\": \"page\", \"data\": [", "is not valid JSON");
        assertThat(probe.endOffsetsUnchanged()).isTrue();
    }

    @Test
    void refuses_a_claude_code_page_with_one_bad_outcome_without_publishing_its_usage() {
        KafkaProbe usage = probe(Topics.USAGE_V1);
        KafkaProbe outcomes = probe(Topics.OUTCOMES_V1);
        String tooMany = text(CLAUDE_CODE).replace("\"added\": 342", "\"added\": 2000000000");

        assertRefused("/anthropic/claude-code-report", tooMany,
                "\"field\":\"data[0].core_metrics.lines_of_code.added\"");
        assertThat(usage.endOffsetsUnchanged()).isTrue();
        assertThat(outcomes.endOffsetsUnchanged()).isTrue();
    }

    private void assertRefused(String path, String body, String... expected) {
        http.assertRefused("/v1/imports" + path, body, expected);
    }

    private HttpResponse<String> post(String path, String body) {
        return http.postJson("/v1/imports" + path, body);
    }

    private static String usageId(String value) {
        Matcher matcher = USAGE_ID.matcher(value);
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }
}
