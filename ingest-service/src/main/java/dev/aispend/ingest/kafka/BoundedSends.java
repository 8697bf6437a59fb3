package dev.aispend.ingest.kafka;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Sends a request's records and waits for Kafka's acknowledgements under ONE deadline, {@code timeout} from now:
 * the acceptance path and the directory both publish this way. A send blocks while the broker's metadata is
 * missing (up to the producer's max.block.ms each), so waiting only after the last send would let a batch of a
 * thousand wait a thousand times that; instead the loop stops as soon as the deadline passed or a send failed,
 * and the wait gets only what is left of it. Records sent before the stop may reach Kafka: the client's retry
 * carries the same ids, recorded once.
 */
public final class BoundedSends {
    private BoundedSends() {
    }

    /**
     * Completes when every record is acknowledged; fails with the first send's failure, or a
     * {@link TimeoutException} when the deadline passed first. Never later than the deadline.
     */
    public static <R> CompletableFuture<Void> sendAll(List<R> records, Function<R, CompletableFuture<?>> send,
                                                      Duration timeout, Clock clock) {
        Instant deadline = clock.instant().plus(timeout);
        AtomicReference<Throwable> firstFailure = new AtomicReference<>();
        List<CompletableFuture<?>> acknowledgements = new ArrayList<>(records.size());
        for (R record : records) {
            if (firstFailure.get() != null) {
                break;
            }
            if (!clock.instant().isBefore(deadline)) {
                firstFailure.compareAndSet(null, new TimeoutException("sent " + acknowledgements.size() + " of "
                        + records.size() + " within " + timeout));
                break;
            }
            CompletableFuture<?> acknowledgement = sent(() -> send.apply(record));
            acknowledgement.whenComplete((done, failure) -> {
                if (failure != null) {
                    firstFailure.compareAndSet(null, failure);
                }
            });
            acknowledgements.add(acknowledgement);
        }
        if (firstFailure.get() != null) {
            return CompletableFuture.failedFuture(firstFailure.get());
        }
        long leftNanos = Math.max(0, Duration.between(clock.instant(), deadline).toNanos());
        return CompletableFuture.allOf(acknowledgements.toArray(CompletableFuture[]::new))
                .orTimeout(leftNanos, TimeUnit.NANOSECONDS);
    }

    /** The send's future; a send that fails before it returns one (no broker metadata in time) is a failed one. */
    private static CompletableFuture<?> sent(Supplier<CompletableFuture<?>> send) {
        try {
            return send.get();
        } catch (RuntimeException failedToSend) {
            return CompletableFuture.failedFuture(failedToSend);
        }
    }
}
