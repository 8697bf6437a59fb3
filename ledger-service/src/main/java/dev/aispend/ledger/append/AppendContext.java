package dev.aispend.ledger.append;

import dev.aispend.contracts.ledger.LedgerEventType;
import dev.aispend.contracts.ledger.LedgerPayload;
import dev.aispend.contracts.ledger.PolicyChanged;
import dev.aispend.contracts.policy.PolicyKind;
import dev.aispend.platform.pricing.RateCardBook;
import dev.aispend.platform.pricing.RateCardVersion;
import io.micronaut.core.annotation.Nullable;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;

import java.util.ArrayList;
import java.util.List;

/**
 * What one appending transaction does, in order. Every entry it appends is noted here, with its idempotency key,
 * so that before commit the appender can check the ledger holds exactly these entries at the positions after
 * the head, and write their keys. Rate cards recorded by this transaction price the usage it records after them.
 */
public final class AppendContext {
    private final long headBefore;
    private final CommandGateway commands;
    private final EventBus eventBus;
    private final List<Appended> appended = new ArrayList<>();
    private RateCardBook rateCards;

    AppendContext(long headBefore, RateCardBook rateCards, CommandGateway commands, EventBus eventBus) {
        this.headBefore = headBefore;
        this.rateCards = rateCards;
        this.commands = commands;
        this.eventBus = eventBus;
    }

    /** An entry this transaction appended, and the key it is recorded under (null: no key of its own). */
    public record Appended(LedgerPayload payload, @Nullable IdempotencyKey key) {
    }

    /** A (kind, key) recorded once, with the hash of the content it was recorded with. */
    public record IdempotencyKey(String kind, String key, String contentSha256) {
    }

    public long headBefore() {
        return headBefore;
    }

    /** The rate cards recorded before the next entry this transaction appends. */
    public RateCardBook rateCards() {
        return rateCards;
    }

    /**
     * Appends the first event of a new aggregate directly, as its sequence number 0, without a command round trip:
     * creating it checks nothing the event store does not enforce anyway (its unique (aggregate, sequence)
     * refuses a second first event), and per-record command dispatch is most of the intake's CPU per record.
     * Commands later load the aggregate from this event like from any other.
     */
    public void publishFirstEvent(String aggregateType, String aggregateIdentifier, LedgerPayload payload,
                                  @Nullable IdempotencyKey key) {
        eventBus.publish(new GenericDomainEventMessage<>(aggregateType, aggregateIdentifier, 0, payload));
        noteAppended(payload, key);
    }

    /** Sends a command whose handler returns the payload it applied, or null if it applied nothing. */
    public LedgerPayload sendDeciding(Object command, @Nullable IdempotencyKey key) {
        LedgerPayload applied = commands.sendAndWait(command);
        if (applied != null) {
            noteAppended(applied, key);
        }
        return applied;
    }

    /** Appends an entry that belongs to no aggregate (an outcome, a decision, an identity link, a re-pricing). */
    public void publish(LedgerPayload payload, @Nullable IdempotencyKey key) {
        eventBus.publish(GenericEventMessage.asEventMessage(payload));
        noteAppended(payload, key);
    }

    public int appendedCount() {
        return appended.size();
    }

    List<Appended> appended() {
        return appended;
    }

    private void noteAppended(LedgerPayload payload, @Nullable IdempotencyKey key) {
        appended.add(new Appended(payload, key));
        if (payload instanceof PolicyChanged changed && changed.kind() == PolicyKind.RATE_CARD) {
            // Its position: the head before plus its rank in this transaction (checked before commit).
            rateCards = rateCards.with(RateCardVersion.of(changed, headBefore + appended.size()));
        }
    }

    static String storedTypeOf(LedgerPayload payload) {
        return LedgerEventType.forNewPayload(payload.getClass())
                .orElseThrow(() -> new IllegalStateException("no event type for " + payload.getClass()))
                .typeName();
    }
}
