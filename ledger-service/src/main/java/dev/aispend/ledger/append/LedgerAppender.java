package dev.aispend.ledger.append;

import dev.aispend.ledger.leadership.Leadership;
import jakarta.inject.Singleton;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The one way entries are appended: a unit of work in one database transaction that first locks the ledger head
 * (so appends are serialized and see every earlier entry, rate cards included) and checks that this instance still
 * holds the leader lease it took (the fencing epoch, ADR 0013), lets the caller append through
 * an {@link AppendContext}, and before commit checks the post-condition (the entries after the head are exactly
 * the ones noted, in order) and writes their idempotency keys in the same transaction. Axon appends the events
 * in that same transaction as one JDBC batch; the database trigger positions and seals each one.
 */
@Singleton
public final class LedgerAppender {
    private final AppendStore store;
    private final RateCardRegistry rateCards;
    private final CommandGateway commands;
    private final Configuration axon;
    private final TransactionManager transactionManager;
    private final LedgerAppendSignal appendSignal;
    private final Leadership leadership;

    LedgerAppender(AppendStore store, RateCardRegistry rateCards, CommandGateway commands, Configuration axon,
                   TransactionManager transactionManager, LedgerAppendSignal appendSignal, Leadership leadership) {
        this.leadership = leadership;
        this.store = store;
        this.rateCards = rateCards;
        this.commands = commands;
        this.axon = axon;
        this.transactionManager = transactionManager;
        this.appendSignal = appendSignal;
    }

    /** Work done inside the appending transaction. */
    public interface AppendWork<T> {
        T appendWith(AppendContext context) throws Exception;
    }

    /** Runs {@code work} in one appending transaction; commits, or rolls back everything and rethrows. */
    public <T> T append(AppendWork<T> work) throws Exception {
        // Refuses on a standby before opening anything; the epoch is checked again against the lease row below.
        long epoch = leadership.epochToAppendWith();
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        try {
            unitOfWork.attachTransaction(transactionManager);
            long head = store.lockHead();
            store.checkLeaderEpoch(epoch);
            AppendContext context = new AppendContext(head, rateCards.bookAt(head), commands, axon.eventBus());
            T result = work.appendWith(context);
            // Registered after every append: Axon's own prepare-commit handler (the JDBC insert) runs first.
            unitOfWork.onPrepareCommit(committing -> checkAndKey(context));
            unitOfWork.commit();
            if (context.appendedCount() > 0) {
                appendSignal.appended();
            }
            return result;
        } catch (Exception | Error failure) {
            if (unitOfWork.isActive()) {
                unitOfWork.rollback(failure);
            }
            throw failure;
        }
    }

    private void checkAndKey(AppendContext context) {
        try {
            List<AppendContext.Appended> appended = context.appended();
            List<String> storedTypes = store.typesAppendedAfter(context.headBefore());
            List<String> expectedTypes = appended.stream().map(entry -> AppendContext.storedTypeOf(entry.payload()))
                    .toList();
            if (!storedTypes.equals(expectedTypes)) {
                throw new IllegalStateException("appended entries after position " + context.headBefore()
                        + " are " + storedTypes + ", expected " + expectedTypes);
            }
            List<AppendStore.IdempotencyKey> keys = new ArrayList<>();
            for (int index = 0; index < appended.size(); index++) {
                AppendContext.IdempotencyKey key = appended.get(index).key();
                if (key != null) {
                    keys.add(new AppendStore.IdempotencyKey(key.kind(), key.key(), key.contentSha256(),
                            context.headBefore() + index + 1));
                }
            }
            store.insertIdempotencyKeys(keys);
        } catch (SQLException failure) {
            throw new IllegalStateException("could not complete the append after " + context.headBefore(), failure);
        }
    }
}
