package dev.aispend.policy.check;

import com.zaxxer.hikari.HikariDataSource;
import dev.aispend.platform.ledger.LedgerTransactions;
import dev.aispend.platform.budget.BudgetScope;
import dev.aispend.platform.budget.BudgetVersion;
import dev.aispend.testsupport.ledger.LedgerFollowerFixture;
import dev.aispend.testsupport.ledger.ProjectionDatabase;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

import static dev.aispend.policy.check.Budgets.hardCapped;
import static dev.aispend.policy.check.Budgets.team;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Reservations against real PostgreSQL: many callers at once never take a hard cap past its amount, also through
 * two stores on two connection pools (two policy-service instances sharing the database); settlement, early
 * release and expiry give back exactly what was held.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CheckReservationsIT implements TestPropertyProvider {
    private static final int CALLERS = 64;
    private static final long CAP = 1_000;

    private final LedgerFollowerFixture fixture = LedgerFollowerFixture.create("policy");
    @Inject
    CheckService checks;
    @Inject
    ReservationStore store;
    @Inject
    LedgerTransactions transactions;
    @Inject
    TestRules rules;
    @Inject
    JsonMapper json;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(fixture.applicationProperties());
        properties.put("checks.test-rules", "true");
        properties.put("checks.expiry-interval", "1h"); // expiry is driven by the tests, with instants of their own
        return properties;
    }

    @AfterAll
    void closeFixture() {
        fixture.close();
    }

    @Test
    void sixty_four_equal_callers_at_once_get_exactly_what_the_cap_holds() throws Exception {
        rules.add(hardCapped("race-equal", team("race-equal"), CAP));

        List<CheckResponse> answers = callAtOnce(index -> () -> checks.check(cost("race-equal", 30)));

        assertThat(answers.stream().filter(answer -> !answer.decision().equals("DENY")).count()).isEqualTo(33);
        assertThat(reserved("race-equal")).isEqualTo(990);
        assertThat(heldRows("race-equal")).isEqualTo(990);
    }

    @Test
    void sixty_four_callers_with_seeded_amounts_never_overspend_and_are_denied_only_past_the_cap()
            throws Exception {
        rules.add(hardCapped("race-seeded", team("race-seeded"), CAP));
        Random random = new Random(20261120L);
        long[] estimates = new long[CALLERS];
        for (int index = 0; index < CALLERS; index++) {
            estimates[index] = 1 + random.nextInt(100);
        }

        List<CheckResponse> answers = callAtOnce(index -> () -> checks.check(cost("race-seeded", estimates[index])));

        long allowed = 0;
        for (CheckResponse answer : answers) {
            allowed += answer.decision().equals("DENY") ? 0 : answer.estimatedCostUsdMicros();
        }
        assertThat(allowed).isLessThanOrEqualTo(CAP).isEqualTo(reserved("race-seeded"))
                .isEqualTo(heldRows("race-seeded"));
        long remainingAtTheEnd = CAP - allowed;
        // Reservations only grow here, so what remained when a caller was denied was at least what remains now.
        answers.stream().filter(answer -> answer.decision().equals("DENY"))
                .forEach(denied -> assertThat(denied.estimatedCostUsdMicros()).isGreaterThan(remainingAtTheEnd));
    }

    @Test
    void two_instances_on_two_connection_pools_never_jointly_overspend() throws Exception {
        BudgetVersion budget = hardCapped("race-two", team("race-two"), CAP);
        rules.add(budget);
        ProjectionDatabase database = fixture.database();
        try (HikariDataSource first = TestPools.pool(database); HikariDataSource second = TestPools.pool(database)) {
            ReservationStore[] instances = {new ReservationStore(TestPools.transactionsOf(first)),
                new ReservationStore(TestPools.transactionsOf(second))};
            Instant checkedAt = Instant.now();
            List<CheckRecorded> answers = callAtOnce(index -> () -> {
                CheckPlan plan = StorePlans.plan("two-" + index, budget, checkedAt, 30,
                        rules.lastLoaded().rulesPosition());
                return instances[index % 2].check(plan, StorePlans.recorder(json, plan));
            });

            assertThat(answers.stream().filter(answer -> answer.reservation() != null).count()).isEqualTo(33);
            assertThat(answers.stream().filter(answer -> answer.verdict().result() == CheckResult.DENY).count())
                    .isEqualTo(CALLERS - 33);
        }
        assertThat(reserved("race-two")).isEqualTo(990);
        assertThat(heldRows("race-two")).isEqualTo(990);
    }

    @Test
    void concurrent_retries_of_one_check_id_reserve_once_and_all_get_the_first_answer() throws Exception {
        rules.add(hardCapped("retries", team("retries"), CAP));
        CheckRequest request = new CheckRequest("retried-1", "retries", null, null, null, null, null, 70L, null,
                null);

        List<CheckResponse> answers = callAtOnce(index -> () -> checks.check(request));

        assertThat(answers.stream().map(CheckResponse::reservationId).distinct()).hasSize(1);
        assertThat(answers).allSatisfy(answer -> assertThat(answer).isEqualTo(answers.get(0)));
        assertThat(reserved("retries")).isEqualTo(70);
    }

    @Test
    void a_forgotten_check_id_starts_a_new_check() {
        rules.add(hardCapped("forget", team("forget"), CAP));
        CheckRequest request = new CheckRequest("forget-1", "forget", null, null, null, null, null, 10L, null, null);
        CheckResponse first = checks.check(request);

        assertThat(store.forgetChecks(first.checkedAt().plusMillis(1), 1_000)).isPositive();
        CheckResponse second = checks.check(request);

        assertThat(second.reservationId()).isNotEqualTo(first.reservationId());
        assertThat(reserved("forget")).isEqualTo(20);
    }

    @Test
    void settlement_releases_a_reservation_once_and_an_unknown_one_changes_nothing() {
        rules.add(hardCapped("settle", team("settle"), CAP), hardCapped("settle-org", team("settle"), 10 * CAP));
        CheckResponse first = checks.check(cost("settle", 400));
        CheckResponse second = checks.check(cost("settle", 250));
        assertThat(reserved("settle")).isEqualTo(650);

        assertThat(settle(first.reservationId()))
                .isEqualTo(2);
        assertThat(settle(first.reservationId()))
                .isZero();
        assertThat(settle("rsv_unknown")).isZero();

        assertThat(reserved("settle")).isEqualTo(250);
        assertThat(reserved("settle-org")).isEqualTo(250);
        assertThat(reservationCount("settle")).isEqualTo(1);
        assertThat(store.find(first.reservationId())).isEmpty();
        assertThat(store.find(second.reservationId())).get().satisfies(view -> {
            assertThat(view.checkId()).isEqualTo(second.checkId());
            assertThat(view.budgets()).extracting(ReservationView.Held::budgetId)
                    .containsExactly("settle", "settle-org");
        });
        assertThat(store.release(second.reservationId())).isTrue();
        assertThat(store.release(second.reservationId())).isFalse();
        assertThat(reserved("settle")).isZero();
        assertThat(reserved("settle-org")).isZero();
    }

    @Test
    void expiry_releases_exactly_the_reservations_whose_time_ran_out_in_bounded_batches() {
        rules.add(hardCapped("expiry", team("expiry"), CAP));
        CheckResponse shortLived = checks.check(new CheckRequest(null, "expiry", null, null, null, null, null, 300L,
                null, 1L));
        CheckResponse alsoShort = checks.check(new CheckRequest(null, "expiry", null, null, null, null, null, 200L,
                null, 1L));
        CheckResponse longLived = checks.check(cost("expiry", 100));
        Instant later = alsoShort.expiresAt().isAfter(shortLived.expiresAt()) ? alsoShort.expiresAt()
                : shortLived.expiresAt();

        assertThat(store.expire(later, 1)).isEqualTo(1);
        assertThat(store.expire(later, 1)).isEqualTo(1);
        assertThat(store.expire(later, 1)).isZero();

        assertThat(reserved("expiry")).isEqualTo(100);
        assertThat(store.find(longLived.reservationId())).isPresent();
        // Once released by expiry, settling the same reservation changes nothing.
        assertThat(settle(shortLived.reservationId()))
                .isZero();
        assertThat(reserved("expiry")).isEqualTo(100);
    }

    @Test
    void counts_a_budget_recorded_after_the_rules_this_instance_last_loaded() {
        rules.add(hardCapped("stale-team", team("stale"), 10 * CAP));
        rules.lastLoaded();
        // Recorded elsewhere (another instance's projection): the stored head moved, this instance's rules did not.
        rules.addElsewhere(hardCapped("stale-new", team("stale"), CAP));

        CheckResponse answer = checks.check(cost("stale", 2 * CAP));

        assertThat(answer.decision()).isEqualTo("DENY");
        assertThat(answer.decidedBy().budgetId()).isEqualTo("stale-new");
        assertThat(answer.rulesPosition()).isEqualTo(rules.lastLoaded().rulesPosition());
        assertThat(reserved("stale-team")).isZero();
    }

    @Test
    void keeps_nothing_of_a_check_resolved_with_rules_older_than_the_stored_head() {
        BudgetVersion budget = hardCapped("stale-plan", team("stale-plan"), CAP);
        rules.add(budget);
        long head = rules.lastLoaded().rulesPosition();
        CheckPlan plan = StorePlans.plan("stale-plan-1", budget, Instant.now(), 30, head - 1);

        assertThatThrownBy(() -> store.check(plan, StorePlans.recorder(json, plan)))
                .isInstanceOf(RulesMovedException.class);

        assertThat(reserved("stale-plan")).isZero();
        assertThat(heldRows("stale-plan")).isZero();
        assertThat(store.findCheck("stale-plan-1")).isEmpty();
        assertThat(fixture.database().number("SELECT count(*) FROM check_decision_outbox "
                + "WHERE subject = 'check:stale-plan-1'")).isZero();
    }

    @Test
    void a_retry_gets_its_first_answer_even_when_the_rules_now_refuse_such_a_check() {
        rules.add(hardCapped("retry-rules", team("retry-rules"), CAP));
        CheckRequest request = new CheckRequest("retry-rules-1", "retry-rules", null, null, null, null, null, 50L,
                null, null);
        CheckResponse first = checks.check(request);
        // A hard cap scoped by purpose: a new check of this team that names no purpose is refused (422).
        rules.add(hardCapped("retry-rules-coding", new BudgetScope(null, "retry-rules", null, "coding", null), CAP));
        assertThatThrownBy(() -> checks.check(cost("retry-rules", 50))).isInstanceOf(CheckRefusedException.class);

        assertThat(checks.check(request)).isEqualTo(first);
        assertThat(reserved("retry-rules")).isEqualTo(50);
    }

    @Test
    void a_rule_recorded_while_the_check_waited_for_its_lock_sends_it_round_again() throws Exception {
        BudgetVersion budget = hardCapped("waited", team("waited"), CAP);
        rules.add(budget);
        CheckPlan plan = StorePlans.plan("waited-1", budget, Instant.now(), 30, rules.lastLoaded().rulesPosition());
        store.check(StorePlans.plan("waited-0", budget, plan.checkedAt(), 10, plan.rulesPosition()),
                StorePlans.recorder(json, StorePlans.plan("waited-0", budget, plan.checkedAt(), 10,
                        plan.rulesPosition())));
        ProjectionDatabase database = fixture.database();
        try (java.sql.Connection projection = java.sql.DriverManager.getConnection(database.jdbcUrl(),
                database.user(), database.password())) {
            // As the policy projection does: hold the budget's row, move the rules head, commit.
            projection.setAutoCommit(false);
            projection.createStatement().execute("SELECT * FROM budget_period WHERE budget_id = 'waited' FOR UPDATE");
            ExecutorService waiting = Executors.newSingleThreadExecutor();
            try {
                Future<CheckRecorded> check = waiting.submit(() -> store.check(plan, StorePlans.recorder(json, plan)));
                dev.aispend.devstack.Wait.until("the check to wait for the row", java.time.Duration.ofSeconds(30),
                        () -> fixture.database().number("SELECT count(*) FROM pg_locks WHERE NOT granted") > 0);
                projection.createStatement().execute(
                        "UPDATE policy_rules_head SET rules_position = rules_position + 1 WHERE id = 1");
                projection.commit();

                assertThatThrownBy(check::get).hasCauseInstanceOf(RulesMovedException.class);
            } finally {
                waiting.shutdownNow();
            }
        }
        assertThat(reserved("waited")).isEqualTo(10);
        assertThat(store.findCheck("waited-1")).isEmpty();
    }

    private static CheckRequest cost(String team, long estimate) {
        return new CheckRequest(null, team, null, null, null, null, null, estimate, null, null);
    }

    /** Runs CALLERS calls at once: a fixed pool of as many threads, released together by one latch. */
    private static <T> List<T> callAtOnce(Function<Integer, Callable<T>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CALLERS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>(CALLERS);
            for (int index = 0; index < CALLERS; index++) {
                Callable<T> call = calls.apply(index);
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>(CALLERS);
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Settles as the policy projection does: in its transaction, on its connection. */
    private int settle(String reservationId) {
        Integer released = transactions.inTransaction(connection -> store.settle(connection, reservationId));
        return released;
    }

    private long reserved(String budgetId) {
        return fixture.database().number("SELECT coalesce(sum(reserved_usd_micros), 0) FROM budget_period "
                + "WHERE budget_id = '" + budgetId + "'");
    }

    private long reservationCount(String budgetId) {
        return fixture.database().number("SELECT coalesce(sum(reservation_count), 0) FROM budget_period "
                + "WHERE budget_id = '" + budgetId + "'");
    }

    private long heldRows(String budgetId) {
        return fixture.database().number("SELECT coalesce(sum(amount_usd_micros), 0) FROM reservation "
                + "WHERE budget_id = '" + budgetId + "'");
    }
}
