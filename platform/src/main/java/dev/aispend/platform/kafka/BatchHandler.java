package dev.aispend.platform.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.util.List;

/**
 * Handles one polled batch. Returning normally means every record in it is durably handled and its offsets
 * may be committed; throwing means none of it is, and the same records are delivered again.
 * Implementations must therefore be idempotent.
 */
@FunctionalInterface
public interface BatchHandler {
    void handle(List<ConsumerRecord<String, byte[]>> batch) throws Exception;
}
