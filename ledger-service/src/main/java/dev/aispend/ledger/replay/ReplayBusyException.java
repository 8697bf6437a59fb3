package dev.aispend.ledger.replay;

/** As many replays as allowed are running; answered 429, since the same request will succeed later. */
final class ReplayBusyException extends RuntimeException {

    ReplayBusyException(int maxConcurrent) {
        super("at most " + maxConcurrent + " replays run at once (ledger.replay.max-concurrent); retry when one "
                + "has finished");
    }
}
