package dev.aispend.system;

import dev.aispend.devstack.Wait;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Usage sent one record a request, at a steady rate, by several clients to a set of ingest instances, as a load
 * balancer would spread it: each record goes to the next instance, and a record an instance did not acknowledge
 * (it was killed, it answered 5xx) is sent again, same id, to the next one, so every record is acknowledged exactly
 * when some instance accepted it. Record {@code i} belongs to team {@code i % TEAMS} and has {@code 2000 + i} input tokens.
 */
final class UsageStream {
    static final int TEAMS = 4;
    private static final int CLIENTS = 8;
    private static final int ATTEMPTS_PER_RECORD = 20;

    private final Instant firstOccurredAt;
    private final long spreadSeconds;
    private final List<String> ingestUrls;
    private final int records;
    private final String teamPrefix;
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger nextInstance = new AtomicInteger();
    private final ScheduledExecutorService clients = Executors.newScheduledThreadPool(CLIENTS);
    private final List<Future<?>> submissions = new ArrayList<>();

    private UsageStream(List<String> ingestUrls, int records, String teamPrefix) {
        // Usage of the last 40 minutes, never in the future and never before this month began, so a month's budget
        // (whose periods follow the usage's own times) sees every record whatever the day the test runs.
        Instant latest = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(60);
        Instant monthStart = latest.atZone(ZoneOffset.UTC).withDayOfMonth(1).truncatedTo(ChronoUnit.DAYS)
                .toInstant();
        Instant earliest = latest.minus(Duration.ofMinutes(40));
        this.firstOccurredAt = earliest.isBefore(monthStart) ? monthStart : earliest;
        this.spreadSeconds = Duration.between(firstOccurredAt, latest).toSeconds();
        this.ingestUrls = List.copyOf(ingestUrls);
        this.records = records;
        this.teamPrefix = teamPrefix;
    }

    /** Starts sending at {@code recordsPerSecond}, record i at i / recordsPerSecond seconds from now. */
    static UsageStream start(List<String> ingestUrls, int records, int recordsPerSecond, String teamPrefix) {
        UsageStream stream = new UsageStream(ingestUrls, records, teamPrefix);
        long intervalMicros = 1_000_000L / recordsPerSecond;
        for (int index = 0; index < records; index++) {
            int record = index;
            stream.submissions.add(stream.clients.schedule(() -> {
                stream.send(record);
                return null;
            }, index * intervalMicros, TimeUnit.MICROSECONDS));
        }
        return stream;
    }

    private void send(int index) {
        String body = """
                {"id": "scale-%d", "occurredAt": "%s", "team": "%s%d", \
                "person": "person-%d@example.com", "model": "claude-sonnet-4-5", \
                "inputTokens": %d, "outputTokens": 100}""".formatted(index, occurredAt(index), teamPrefix,
                index % TEAMS, index % 50, inputTokensOf(index));
        RuntimeException lastFailure = null;
        for (int attempt = 0; attempt < ATTEMPTS_PER_RECORD; attempt++) {
            String ingest = ingestUrls.get(Math.floorMod(nextInstance.getAndIncrement(), ingestUrls.size()));
            try {
                JsonHttp.Response response = JsonHttp.post(ingest + "/v1/usage", body);
                if (response.status() == 202) {
                    accepted.incrementAndGet();
                    return;
                }
                lastFailure = new IllegalStateException("ingest answered " + response.status() + ": "
                        + response.body());
                if (response.status() < 500) {
                    throw lastFailure;
                }
            } catch (RuntimeException refused) {
                // Connection refused or reset: the instance is gone; the next one gets the same record.
                lastFailure = refused;
            }
        }
        throw new IllegalStateException("record " + index + " not accepted in " + ATTEMPTS_PER_RECORD
                + " attempts", lastFailure);
    }

    private Instant occurredAt(int index) {
        return firstOccurredAt.plusSeconds(spreadSeconds * index / records);
    }

    /** The month the usage lies in, as a report's {@code from=...&to=...}. */
    String reportPeriod() {
        LocalDate first = firstOccurredAt.atZone(ZoneOffset.UTC).toLocalDate().withDayOfMonth(1);
        return "from=" + first + "&to=" + first.plusMonths(1).minusDays(1);
    }

    private static long inputTokensOf(int index) {
        return 2000L + index;
    }

    int accepted() {
        return accepted.get();
    }

    void awaitAccepted(int count, Duration within) {
        Wait.until(count + " records accepted", within, () -> {
            submissions.stream().filter(Future::isDone).forEach(UsageStream::rethrowFailure);
            return accepted.get() >= count;
        });
    }

    void awaitAll(Duration within) throws Exception {
        for (Future<?> submission : submissions) {
            submission.get(within.toSeconds(), TimeUnit.SECONDS);
        }
        clients.shutdown();
    }

    long recordsOf(int team) {
        long count = 0;
        for (int index = team; index < records; index += TEAMS) {
            count++;
        }
        return count;
    }

    long inputTokensOfTeam(int team) {
        long sum = 0;
        for (int index = team; index < records; index += TEAMS) {
            sum += inputTokensOf(index);
        }
        return sum;
    }

    long totalInputTokens() {
        long sum = 0;
        for (int index = 0; index < records; index++) {
            sum += inputTokensOf(index);
        }
        return sum;
    }

    private static void rethrowFailure(Future<?> submission) {
        try {
            submission.get();
        } catch (Exception failure) {
            throw new IllegalStateException("a client of the usage stream failed", failure);
        }
    }
}
