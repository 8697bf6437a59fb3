package dev.aispend.ledger.replay;

import dev.aispend.platform.web.FieldError;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a replay request against the ledger head read at request time and the configured range limit, and
 * names every problem at once, so a client fixes its request in one round trip. Pure: no I/O.
 */
final class ReplayRequestValidator {
    /** Kafka's own rule for topic names: these characters, 1..249 of them, and neither "." nor "..". */
    private static final Pattern KAFKA_TOPIC_NAME = Pattern.compile("[A-Za-z0-9._-]{1,249}");
    /** As a re-pricing's reason: room for a ticket reference and a sentence, not for a document. */
    static final int MAX_REASON_LENGTH = 2000;

    private final long maxRangeEntries;
    private final String defaultTopic;
    private final Set<String> refusedTopics;

    /**
     * @param refusedTopics the ledger's own topics: replaying into ledger.v1 would duplicate its entries, and
     *                      into an intake topic would have the intake quarantine every one of them
     */
    ReplayRequestValidator(long maxRangeEntries, String defaultTopic, Set<String> refusedTopics) {
        this.maxRangeEntries = maxRangeEntries;
        this.defaultTopic = defaultTopic;
        this.refusedTopics = Set.copyOf(refusedTopics);
    }

    /**
     * The plan for {@code request} given the ledger's {@code head}; throws InvalidReplayException otherwise.
     * Without a {@code toPosition} the replay runs to the head including the entry that records the replay itself
     * (appended at {@code head + 1} in the transaction that accepts it), so whoever reads the replayed range
     * sees who asked for it.
     */
    ReplayPlan validate(ReplayRequest request, long head) {
        List<FieldError> errors = new ArrayList<>();
        Long from = request.fromPosition();
        long to = request.toPosition() != null ? request.toPosition() : head + 1;
        if (from == null) {
            errors.add(new FieldError("fromPosition", "is required"));
        } else if (from < 1) {
            errors.add(new FieldError("fromPosition", "must be at least 1, was " + from));
        } else if (request.toPosition() == null && from > head) {
            errors.add(new FieldError("fromPosition", "must not be beyond the ledger head (" + head + "), was "
                    + from));
        }
        if (request.toPosition() != null) {
            if (from != null && to < from) {
                errors.add(new FieldError("toPosition", "must not be before fromPosition (" + from + "), was " + to));
            } else if (to > head) {
                errors.add(new FieldError("toPosition", "must not be beyond the ledger head (" + head + "), was "
                        + to));
            }
        }
        if (from != null && from >= 1 && to >= from && to - from + 1 > maxRangeEntries) {
            errors.add(new FieldError("toPosition", "the range covers " + (to - from + 1)
                    + " entries; a replay covers at most " + maxRangeEntries));
        }
        String topic = request.topic() != null ? request.topic() : defaultTopic;
        topicProblem(topic).ifPresent(problem -> errors.add(new FieldError("topic", problem)));
        reasonProblem(request.reason()).ifPresent(problem -> errors.add(new FieldError("reason", problem)));
        if (!errors.isEmpty()) {
            throw new InvalidReplayException(errors);
        }
        return new ReplayPlan(from, to, topic, request.reason());
    }

    private static Optional<String> reasonProblem(String reason) {
        if (reason == null) {
            return Optional.empty();
        }
        if (reason.isBlank() || reason.length() > MAX_REASON_LENGTH) {
            return Optional.of("must be 1.." + MAX_REASON_LENGTH + " characters and not blank when given");
        }
        if (reason.chars().anyMatch(character -> Character.isISOControl(character) && character != '\n')) {
            return Optional.of("must not contain control characters other than line breaks");
        }
        return Optional.empty();
    }

    private Optional<String> topicProblem(String topic) {
        if (!KAFKA_TOPIC_NAME.matcher(topic).matches() || topic.equals(".") || topic.equals("..")) {
            return Optional.of("must be a legal Kafka topic name: 1..249 letters, digits, '.', '_' or '-'"
                    + " (and neither '.' nor '..')");
        }
        if (topic.startsWith("__")) {
            return Optional.of("must not be a Kafka internal topic (names starting with '__')");
        }
        if (refusedTopics.contains(topic)) {
            return Optional.of("must not be one of the ledger's own topics (" + topic + ")");
        }
        return Optional.empty();
    }
}
