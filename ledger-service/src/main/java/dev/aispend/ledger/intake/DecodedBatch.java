package dev.aispend.ledger.intake;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.util.List;

/**
 * A polled batch split into the records it carries, in delivery order and with repeated ids kept (a repeat may
 * be a retry or a conflict, which only the content tells), and the messages that could not be decoded, with the
 * reason. A record is one of the intake's input types (UsageRecord, OutcomeRecord, PolicyChangeRequest,
 * PolicyDecision, IdentityLink, Reidentification).
 */
record DecodedBatch(List<Decoded> records, List<Undecodable> undecodable) {

    record Decoded(ConsumerRecord<String, byte[]> message, Object record) {
    }

    record Undecodable(ConsumerRecord<String, byte[]> message, String reason) {
    }
}
