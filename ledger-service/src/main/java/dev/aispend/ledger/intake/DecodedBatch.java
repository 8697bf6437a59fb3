package dev.aispend.ledger.intake;

import dev.aispend.contracts.usage.UsageRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.util.List;

/**
 * A polled batch split into the usage records it carries, in delivery order and with repeated ids kept (a
 * repeat may be a retry or a conflict, which only the content tells), and the messages that could not be
 * decoded, with the reason.
 */
record DecodedBatch(List<UsageRecord> records, List<Undecodable> undecodable) {

    record Undecodable(ConsumerRecord<String, byte[]> message, String reason) {
    }
}
