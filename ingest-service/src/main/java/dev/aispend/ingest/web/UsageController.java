package dev.aispend.ingest.web;

import dev.aispend.platform.web.ErrorBody;
import dev.aispend.contracts.usage.UsageRecord;
import dev.aispend.ingest.identity.Pseudonymizer;
import dev.aispend.ingest.kafka.UsagePublisher;
import dev.aispend.platform.web.FieldError;
import dev.aispend.ingest.usage.InvalidSubmissionException;
import dev.aispend.ingest.usage.UsageSubmission;
import dev.aispend.ingest.usage.UsageSubmissionParser;
import dev.aispend.platform.kafka.TopicNames;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * {@code POST /v1/usage}: one usage record; {@code POST /v1/usage/batch}: {@code {"records": [...]}}, up to the
 * configured limit. Answers 202 only after Kafka acknowledged every record with acks=all; 400 naming every bad
 * field (and publishes nothing; a batch is all or nothing); 503 when the broker did not acknowledge in time
 * (the client retries with the same ids; the ledger records an id once).
 */
@Controller("/v1/usage")
public final class UsageController {
    static final String SOURCE = "api";
    private static final Logger LOG = LoggerFactory.getLogger(UsageController.class);

    private final JsonMapper jsonMapper;
    private final UsageSubmissionParser parser;
    private final Pseudonymizer pseudonymizer;
    private final UsagePublisher publisher;
    private final Clock clock;
    private final String usageTopic;

    UsageController(JsonMapper jsonMapper, UsageSubmissionParser parser, Pseudonymizer pseudonymizer,
                    UsagePublisher publisher, Clock clock, TopicNames topics) {
        this.jsonMapper = jsonMapper;
        this.parser = parser;
        this.pseudonymizer = pseudonymizer;
        this.publisher = publisher;
        this.clock = clock;
        this.usageTopic = topics.usage();
    }

    @Post(consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    public CompletableFuture<HttpResponse<?>> submit(@Body byte[] body) {
        UsageRecord record = toRecord(parser.parse(readTree(body)), clock.instant());
        return publisher.publish(usageTopic, record.team(), record)
                .<HttpResponse<?>>thenApply(acknowledged ->
                        HttpResponse.accepted().body(new UsageAccepted(record.usageRecordId(), "accepted")))
                .exceptionally(failure -> notAcknowledged("usage record " + record.usageRecordId(), failure,
                        "the ledger's intake did not acknowledge the record; retry with the same id"));
    }

    @Post(value = "/batch", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    public CompletableFuture<HttpResponse<?>> submitBatch(@Body byte[] body) {
        Instant receivedAt = clock.instant();
        List<UsageRecord> records = parser.parseBatch(readTree(body)).stream()
                .map(submission -> toRecord(submission, receivedAt)).toList();
        CompletableFuture<?>[] acknowledgements = records.stream()
                .map(record -> publisher.publish(usageTopic, record.team(), record))
                .toArray(CompletableFuture[]::new);
        return CompletableFuture.allOf(acknowledgements)
                .<HttpResponse<?>>thenApply(acknowledged ->
                        HttpResponse.accepted().body(new BatchAccepted(records.size(), "accepted")))
                .exceptionally(failure -> notAcknowledged("batch of " + records.size() + " usage records", failure,
                        "the ledger's intake did not acknowledge every record; retry the whole batch with the "
                                + "same ids (records already taken are recognised by id and content)"));
    }

    private UsageRecord toRecord(UsageSubmission submission, Instant receivedAt) {
        return UsageRecord.basic(submission.id(), submission.occurredAt(), receivedAt, SOURCE, submission.team(),
                pseudonymizer.personRef(submission.person()), submission.model(), submission.tokens());
    }

    /** Logs what was not acknowledged by id or count only: submissions hold identities, which stay out of logs. */
    private static HttpResponse<?> notAcknowledged(String what, Throwable failure, String advice) {
        LOG.warn("{} not acknowledged by Kafka", what, failure);
        return HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE).body(ErrorBody.of(advice, List.of()));
    }

    private JsonNode readTree(byte[] body) {
        if (body == null || body.length == 0) {
            throw new InvalidSubmissionException(List.of(new FieldError("$", "the body is empty")));
        }
        try {
            return jsonMapper.readValue(body, JsonNode.class);
        } catch (IOException malformed) {
            throw new InvalidSubmissionException(List.of(new FieldError("$",
                    "is not valid JSON: " + firstLine(malformed.getMessage()))));
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
