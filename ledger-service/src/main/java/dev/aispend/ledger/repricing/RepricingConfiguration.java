package dev.aispend.ledger.repricing;

import io.micronaut.context.annotation.ConfigurationProperties;

/**
 * Limits of re-pricing ({@code ledger.repricing.*}, each with an environment variable).
 *
 * @param maxRecords the most spend records one re-pricing may select: it runs in one appending transaction that
 *                   holds the ledger head lock (every other append waits) and keeps its entries in memory
 */
@ConfigurationProperties("ledger.repricing")
public record RepricingConfiguration(int maxRecords) {

    public RepricingConfiguration {
        if (maxRecords < 1) {
            throw new IllegalArgumentException("ledger.repricing.max-records must be at least 1");
        }
    }
}
