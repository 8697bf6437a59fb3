package dev.aispend.ingest.source.api;

import dev.aispend.ingest.source.JsonBodies;
import dev.aispend.ingest.acceptance.Acceptance;
import dev.aispend.ingest.acceptance.Admission;
import dev.aispend.ingest.acceptance.Locator;
import dev.aispend.ingest.acceptance.RecordAge;
import io.micronaut.http.HttpResponse;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * What every endpoint of our own JSON API does with a body, in one place so usage and outcomes cannot drift apart:
 * parse it (malformed JSON and a field given twice are a 400), map it with the format's adapter, accept the
 * submissions as live records, all or nothing, and answer 202 only once Kafka acknowledged every one. Refusals
 * travel as exceptions (400 problem+json, 503 with Retry-After), answered by the shared handlers.
 */
@Singleton
final class ApiIntake {
    private final JsonMapper jsonMapper;

    ApiIntake(JsonMapper jsonMapper) {
        this.jsonMapper = jsonMapper;
    }

    /** The acceptance path's entry for one kind of submission: {@code acceptUsage} or {@code acceptOutcomes}. */
    @FunctionalInterface
    interface Acceptor<S> {
        CompletableFuture<Acceptance> accept(List<S> submissions, RecordAge age, Admission admission,
                                             Locator locator);
    }

    /** One record; refusals name its fields as they are. 202 with {@code answer} of the record and its acceptance. */
    <S, A> CompletableFuture<HttpResponse<A>> single(byte[] body, Function<JsonNode, S> adapter, Acceptor<S> acceptor,
                                                     BiFunction<S, Acceptance, A> answer) {
        S submission = adapter.apply(JsonBodies.parse(jsonMapper, body));
        return acceptor.accept(List.of(submission), RecordAge.LIVE, Admission.ALL_OR_NOTHING, Locator.SINGLE)
                .thenApply(accepted -> HttpResponse.accepted().body(answer.apply(submission, accepted)));
    }

    /** {@code {"<array>": [...]}}; refusals name {@code <array>[i].field}. 202 with the batch's counts. */
    <S> CompletableFuture<HttpResponse<BatchAccepted>> batch(byte[] body, Function<JsonNode, List<S>> adapter,
                                                             Acceptor<S> acceptor, String array) {
        List<S> submissions = adapter.apply(JsonBodies.parse(jsonMapper, body));
        return acceptor.accept(submissions, RecordAge.LIVE, Admission.ALL_OR_NOTHING, Locator.elements(array))
                .thenApply(accepted -> HttpResponse.accepted().body(BatchAccepted.of(accepted)));
    }
}
