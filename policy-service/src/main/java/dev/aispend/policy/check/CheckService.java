package dev.aispend.policy.check;

import dev.aispend.contracts.policy.PolicyDecision;
import dev.aispend.policy.rules.CurrentRules;
import dev.aispend.policy.rules.RulesSnapshot;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Answers pre-flight checks: validates the request, resolves its budgets and estimate with the current rules
 * ({@link CheckScope}), and judges, reserves and records it in one transaction ({@link ReservationStore}). A
 * retried checkId gets its first answer again; the same id with other content is refused (409). A transaction
 * PostgreSQL aborted to break a deadlock (possible only against the policy projection, which locks the same rows
 * in its own order) is run again, a bounded number of times.
 *
 * <p>The check's time is the wall clock: a check is an outside request, not derived from the ledger; its decision
 * records that time and everything it counted, so it can be re-derived all the same.
 */
@Singleton
public class CheckService {
    private static final int ATTEMPTS = 3;

    private final CheckConfiguration configuration;
    private final LedgerLagGuard guard;
    private final CurrentRules rules;
    private final ReservationStore store;
    private final JsonMapper json;
    private final CheckMetrics metrics;
    private final CheckDecisionSignal signal;
    private final Clock clock;
    private final CheckRequestParser parser;

    @Inject
    CheckService(CheckConfiguration configuration, CurrentRules rules, ReservationStore store, JsonMapper json,
                 CheckMetrics metrics, CheckDecisionSignal signal, LedgerLagGuard guard) {
        this(configuration, rules, store, json, metrics, signal, Clock.systemUTC(), guard);
    }

    CheckService(CheckConfiguration configuration, CurrentRules rules, ReservationStore store, JsonMapper json,
                 CheckMetrics metrics, CheckDecisionSignal signal, Clock clock, LedgerLagGuard guard) {
        this.guard = guard;
        this.configuration = configuration;
        this.rules = rules;
        this.store = store;
        this.json = json;
        this.metrics = metrics;
        this.signal = signal;
        this.clock = clock;
        this.parser = new CheckRequestParser(configuration);
    }

    /** Parses and answers a request body; throws {@link CheckRefusedException} for what cannot be answered. */
    public CheckResponse check(JsonNode body) {
        return timed(() -> answer(parser.parse(body)));
    }

    public CheckResponse check(CheckRequest given) {
        return timed(() -> answer(given));
    }

    /** Records how long the service took, by result: the figure the checks' latency target is about. */
    private CheckResponse timed(Supplier<CheckResponse> work) {
        long startNanos = System.nanoTime();
        String result = CheckMetrics.FAILED;
        try {
            CheckResponse response = work.get();
            result = response.decision();
            return response;
        } catch (CheckRefusedException refused) {
            result = CheckMetrics.REFUSED;
            throw refused;
        } finally {
            metrics.answered(result, System.nanoTime() - startNanos);
        }
    }

    private CheckResponse answer(CheckRequest given) {
        guard.refusal().ifPresent(problem -> {
            throw CheckRefusedException.behindTheLedger(problem);
        });
        CheckRequest request = given.checkId() != null ? given : given.withCheckId(newId("chk_"));
        String requestSha256 = request.contentSha256();
        // The rules loaded last, unread: the check's transaction compares their position with the stored head.
        RulesSnapshot rulesSnapshot = rules.lastLoaded();
        for (int attempt = 1; ; attempt++) {
            try {
                return firstAnswer(request, requestSha256, rulesSnapshot);
            } catch (CheckIdTakenException taken) {
                return earlierAnswer(request.checkId(), requestSha256, taken.earlier());
            } catch (CheckRefusedException refused) {
                // A retry is answered as first answered, even when today's rules could not resolve it any more.
                Optional<ReservationStore.StoredCheck> stored = given.checkId() == null ? Optional.empty()
                        : store.findCheck(request.checkId());
                if (stored.isEmpty()) {
                    throw refused;
                }
                return earlierAnswer(request.checkId(), requestSha256, stored.get());
            } catch (RulesMovedException moved) {
                if (attempt >= ATTEMPTS) {
                    throw CheckRefusedException.behindTheLedger("the rules changed during each of " + ATTEMPTS
                            + " attempts to answer the check");
                }
                rulesSnapshot = rules.current();
            } catch (RuntimeException failure) {
                if (attempt >= ATTEMPTS || !ReservationStoreException.retryable(failure)) {
                    throw failure;
                }
            }
        }
    }

    public Optional<ReservationView> reservation(String reservationId) {
        return store.find(reservationId);
    }

    public boolean release(String reservationId) {
        return store.release(reservationId);
    }

    private CheckResponse firstAnswer(CheckRequest request, String requestSha256, RulesSnapshot rulesSnapshot) {
        // Milliseconds: what the answer, the decision and the rows all record, identically.
        Instant checkedAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        ScopedCheck scoped = CheckScope.resolve(request, rulesSnapshot, checkedAt,
                configuration.maxEstimatedCostUsdMicros());
        Duration ttl = request.reservationTtlSeconds() == null ? configuration.reservationTtl()
                : Duration.ofSeconds(request.reservationTtlSeconds());
        CheckPlan plan = new CheckPlan(request.checkId(), requestSha256, checkedAt, scoped.estimatedCostUsdMicros(),
                scoped.budgets(), newId("rsv_"), checkedAt.plus(ttl), rulesSnapshot.rulesPosition());
        CheckResponse[] response = new CheckResponse[1];
        CheckRecorded recorded = store.check(plan, (verdict, reservation) -> {
            response[0] = CheckDecisions.response(scoped, verdict, reservation);
            PolicyDecision decision = CheckDecisions.decision(scoped, verdict, reservation);
            return new CheckDocuments(write(response[0]), decision.decisionId(), decision.subject(),
                    write(decision));
        });
        metrics.checked(recorded.verdict().result());
        signal.committed();
        return response[0];
    }

    /** The stored answer of a checkId answered before ({@code stored} when the check found it, else read). */
    private CheckResponse earlierAnswer(String checkId, String requestSha256,
                                        ReservationStore.@Nullable StoredCheck stored) {
        ReservationStore.StoredCheck earlier = stored != null ? stored : store.findCheck(checkId).orElseThrow(() ->
                new IllegalStateException("checkId " + checkId + " taken but not stored"));
        if (!earlier.requestSha256().equals(requestSha256)) {
            throw CheckRefusedException.checkIdTaken(checkId);
        }
        try {
            return json.readValue(earlier.responseJson(), CheckResponse.class);
        } catch (IOException unreadable) {
            throw new UncheckedIOException("stored answer of check " + checkId + " is unreadable", unreadable);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException failure) {
            throw new UncheckedIOException("could not write " + value.getClass().getSimpleName(), failure);
        }
    }

    /** Ids only this service hands out; random, since a check is an outside request, never re-derived. */
    private static String newId(String prefix) {
        return prefix + UUID.randomUUID();
    }
}
