package dev.aispend.ledger.replay;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * The body of {@code POST /v1/ledger/replays}. Every field is nullable here so that a missing one is reported by
 * name ({@link ReplayRequestValidator}) rather than as a decoding failure.
 *
 * @param toPosition defaults to the ledger head at the time of the request
 * @param topic      defaults to the deployment's ledger-replay.v1
 */
@Serdeable
public record ReplayRequest(@Nullable Long fromPosition, @Nullable Long toPosition, @Nullable String topic) {
}
