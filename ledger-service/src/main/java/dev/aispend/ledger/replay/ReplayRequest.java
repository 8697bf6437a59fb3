package dev.aispend.ledger.replay;

import io.micronaut.core.annotation.Creator;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * The body of {@code POST /v1/ledger/replays}. Every field is nullable here so that a missing one is reported by
 * name ({@link ReplayRequestValidator}) rather than as a decoding failure.
 *
 * @param toPosition defaults to the ledger head, including the replay's own {@code ReplayRequested} entry
 * @param topic      defaults to the deployment's ledger-replay.v1
 * @param reason     why the replay is run, recorded with it in the ledger (optional)
 * @param actor      optional; when present it must be the authenticated caller, who is always the recorded actor
 */
@Serdeable
public record ReplayRequest(@Nullable Long fromPosition, @Nullable Long toPosition, @Nullable String topic,
                            @Nullable String reason, @Nullable String actor) {

    @Creator
    public ReplayRequest {
    }

    public ReplayRequest(@Nullable Long fromPosition, @Nullable Long toPosition, @Nullable String topic) {
        this(fromPosition, toPosition, topic, null, null);
    }
}
