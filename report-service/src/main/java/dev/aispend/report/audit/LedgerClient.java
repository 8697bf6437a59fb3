package dev.aispend.report.audit;

import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.client.annotation.Client;

import java.util.concurrent.CompletableFuture;

/**
 * ledger-service's audit API (its SealController and LedgerHeadController), at
 * {@code micronaut.http.services.ledger.url} ({@code LEDGER_URL}). Asynchronous, so each caller bounds its wait.
 */
@Client(id = "ledger")
interface LedgerClient {

    @Get("/v1/ledger/head")
    CompletableFuture<LedgerAuditReport.Head> head();

    /** Completes with null (or a 404) when no checkpoint has been made yet. */
    @Get("/v1/ledger/checkpoints/latest")
    CompletableFuture<LedgerAuditReport.Checkpoint> latestCheckpoint();

    /** Verifies positions from..to while the request waits. */
    @Get("/v1/ledger/verify")
    CompletableFuture<LedgerAuditReport.VerificationReport> verify(@QueryValue long from, @QueryValue long to);

    /** A verification job started with {@code POST /v1/ledger/verifications}; null (or a 404) when unknown. */
    @Get("/v1/ledger/verifications/{id}")
    CompletableFuture<LedgerAuditReport.VerificationJob> verification(@PathVariable String id);
}
