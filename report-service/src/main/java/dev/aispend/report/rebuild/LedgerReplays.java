package dev.aispend.report.rebuild;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import jakarta.inject.Singleton;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * ledger-service's replay API, as a rebuild uses it: where the ledger's head is, and a replay of a range of
 * positions onto a topic of the rebuild's own ({@code POST /v1/ledger/replays}).
 */
@Singleton
class LedgerReplays {
    private final HttpClient ledger;

    LedgerReplays(@Client(id = "ledger") HttpClient ledger) {
        this.ledger = ledger;
    }

    /** A replay the ledger accepted: its id and the last position it will publish. */
    record Replay(String id, long toPosition) {
    }

    long head() {
        Map<?, ?> head = ledger.toBlocking().retrieve(HttpRequest.GET("/v1/ledger/head"), Map.class);
        return ((Number) head.get("lastPosition")).longValue();
    }

    /**
     * Asks for a replay, recorded in the ledger with this service as its actor and {@code reason}; without
     * {@code toPosition} it runs to the head, including the entry recording it.
     */
    Replay replay(long fromPosition, @Nullable Long toPosition, String topic, String reason) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("fromPosition", fromPosition);
        if (toPosition != null) {
            body.put("toPosition", toPosition);
        }
        body.put("topic", topic);
        body.put("reason", reason);
        Map<?, ?> answer = ledger.toBlocking().retrieve(HttpRequest.POST("/v1/ledger/replays", body)
                .contentType(MediaType.APPLICATION_JSON_TYPE), Map.class);
        return new Replay(answer.get("id").toString(), ((Number) answer.get("toPosition")).longValue());
    }

    /** The replay's state (RUNNING, COMPLETED, FAILED, CANCELLED...), or null when the ledger does not know it. */
    @Nullable
    String state(String replayId) {
        Map<?, ?> progress = ledger.toBlocking().retrieve(HttpRequest.GET("/v1/ledger/replays/" + replayId),
                Map.class);
        Object state = progress.get("state");
        return state == null ? null : state.toString();
    }
}
