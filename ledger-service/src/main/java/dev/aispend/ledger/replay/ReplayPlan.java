package dev.aispend.ledger.replay;

/** A validated replay: the inclusive range of positions and the topic they are re-published to. */
record ReplayPlan(long fromPosition, long toPosition, String topic) {

    long total() {
        return toPosition - fromPosition + 1;
    }
}
