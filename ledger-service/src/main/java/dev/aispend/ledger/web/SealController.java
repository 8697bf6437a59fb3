package dev.aispend.ledger.web;

import dev.aispend.platform.security.Roles;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import dev.aispend.audit.Checkpoint;
import dev.aispend.audit.CheckpointSigner;
import dev.aispend.ledger.seal.Checkpointer;
import dev.aispend.ledger.seal.LedgerVerifier;
import dev.aispend.ledger.seal.ProofService;
import dev.aispend.ledger.seal.SealConfiguration;
import dev.aispend.ledger.seal.SigningKeys;
import dev.aispend.ledger.seal.VerificationJobs;
import dev.aispend.platform.web.ErrorBody;
import dev.aispend.platform.web.FieldError;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;

import java.net.URI;
import java.security.PublicKey;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What an auditor needs to trust the ledger without trusting the service: the public key, the signed
 * checkpoints, inclusion and consistency proofs (RFC 9162, checked offline by audit-verifier), and verification
 * of the stored ledger. Formats: docs/ledger-format.md.
 */
@Secured({Roles.FINANCE_AUDITOR, Roles.COMPLIANCE_OFFICER})
@Controller("/v1/ledger")
@ExecuteOn(TaskExecutors.BLOCKING)
final class SealController {
    private static final int MAX_CHECKPOINTS_PAGE = 1000;

    private final SigningKeys keys;
    private final ProofService proofs;
    private final Checkpointer checkpointer;
    private final LedgerVerifier verifier;
    private final SealConfiguration configuration;
    private final VerificationJobs jobs;

    SealController(SigningKeys keys, ProofService proofs, Checkpointer checkpointer, LedgerVerifier verifier,
                   SealConfiguration configuration, VerificationJobs jobs) {
        this.keys = keys;
        this.proofs = proofs;
        this.checkpointer = checkpointer;
        this.verifier = verifier;
        this.configuration = configuration;
        this.jobs = jobs;
    }

    /**
     * The key that signs new checkpoints, and under {@code previousKeys} those that signed earlier ones before a
     * rotation: a checkpoint names its key by keyId.
     */
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Get("/public-key")
    Map<String, Object> publicKey() {
        Map<String, Object> key = new LinkedHashMap<>();
        key.put("algorithm", "Ed25519");
        key.putAll(keyJson(keys.publicKey()));
        key.put("previousKeys", keys.previousPublicKeys().stream().map(SealController::keyJson).toList());
        return key;
    }

    private static Map<String, Object> keyJson(PublicKey publicKey) {
        Map<String, Object> key = new LinkedHashMap<>();
        key.put("keyId", CheckpointSigner.keyIdOf(publicKey));
        key.put("publicKey", Base64.getEncoder().encodeToString(publicKey.getEncoded()));
        key.put("pem", CheckpointSigner.toPem(publicKey));
        return key;
    }

    @Get("/checkpoints")
    HttpResponse<?> checkpoints(@QueryValue(defaultValue = "0") long after,
                                @QueryValue(defaultValue = "100") int limit) {
        if (limit < 1 || limit > MAX_CHECKPOINTS_PAGE) {
            return badRequest("limit", "must be within 1.." + MAX_CHECKPOINTS_PAGE);
        }
        List<Checkpoint> page = proofs.checkpointsAfter(after, limit);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("checkpoints", page.stream().map(Checkpoint::toJson).toList());
        body.put("nextAfter", page.size() < limit ? null : page.get(page.size() - 1).checkpointNumber());
        return HttpResponse.ok(body);
    }

    @Get("/checkpoints/latest")
    HttpResponse<?> latestCheckpoint() {
        return proofs.latestCheckpoint().<HttpResponse<?>>map(checkpoint -> HttpResponse.ok(checkpoint.toJson()))
                .orElseGet(() -> notFound("no checkpoint has been made yet"));
    }

    @Get("/checkpoints/{number:[0-9]+}")
    HttpResponse<?> checkpoint(@PathVariable long number) {
        return proofs.checkpoint(number).<HttpResponse<?>>map(checkpoint -> HttpResponse.ok(checkpoint.toJson()))
                .orElseGet(() -> notFound("no checkpoint " + number));
    }

    /** Makes a checkpoint of the ledger as it is now (201), or answers the latest if nothing was appended since. */
    @Secured(Roles.COMPLIANCE_OFFICER)
    @Post("/checkpoints")
    HttpResponse<?> checkpointNow() {
        Optional<Checkpoint> made = checkpointer.checkpointNow();
        if (made.isPresent()) {
            return HttpResponse.created(made.get().toJson());
        }
        return latestCheckpoint();
    }

    @Get("/checkpoints/consistency")
    HttpResponse<?> consistency(@QueryValue long from, @QueryValue long to) {
        Optional<Checkpoint> first = proofs.checkpoint(from);
        Optional<Checkpoint> second = proofs.checkpoint(to);
        if (first.isEmpty() || second.isEmpty()) {
            return badRequest(first.isEmpty() ? "from" : "to", "no such checkpoint");
        }
        if (first.get().treeSize() > second.get().treeSize()) {
            return badRequest("from", "must not be a later checkpoint than to");
        }
        return HttpResponse.ok(proofs.consistency(first.get(), second.get()).toJson());
    }

    @Get("/entries/{position:[0-9]+}/proof")
    HttpResponse<?> inclusionProof(@PathVariable long position, @Nullable @QueryValue Long checkpoint) {
        Optional<Checkpoint> tree = checkpoint == null ? proofs.latestCheckpoint() : proofs.checkpoint(checkpoint);
        if (tree.isEmpty()) {
            return badRequest("checkpoint", checkpoint == null ? "no checkpoint has been made yet"
                    : "no checkpoint " + checkpoint);
        }
        if (position < 1 || position > tree.get().treeSize()) {
            return badRequest("position", "must be within 1.." + tree.get().treeSize() + ", the entries checkpoint "
                    + tree.get().checkpointNumber() + " covers");
        }
        return HttpResponse.ok(proofs.inclusion(position, tree.get()).toJson());
    }

    /**
     * Verifies positions from..to (default: the whole ledger) while the request waits; 200 with the report,
     * damaged or not. A large ledger takes minutes: start a job with POST /v1/ledger/verifications instead.
     */
    @Get("/verify")
    HttpResponse<?> verify(@QueryValue(defaultValue = "1") long from, @Nullable @QueryValue Long to) {
        long head = verifier.head().position();
        long last = to == null ? head : to;
        Optional<HttpResponse<?>> refusal = refusalOfRange(from, last, head);
        return refusal.orElseGet(() -> HttpResponse.ok(verifier.verify(from, last)));
    }

    /** Body of POST /v1/ledger/verifications: the range, by default the whole ledger as it is now. */
    @Serdeable
    record VerificationRequest(@Nullable Long fromPosition, @Nullable Long toPosition) {
    }

    /** Starts a verification job; 202 with its status and a Location to follow it. */
    @Secured(Roles.COMPLIANCE_OFFICER)
    @Post("/verifications")
    HttpResponse<?> startVerification(@Nullable @Body VerificationRequest request) {
        long head = verifier.head().position();
        long from = request == null || request.fromPosition() == null ? 1 : request.fromPosition();
        long last = request == null || request.toPosition() == null ? head : request.toPosition();
        Optional<HttpResponse<?>> refusal = refusalOfRange(from, last, head);
        if (refusal.isPresent()) {
            return refusal.get();
        }
        VerificationJobs.JobStatus started = jobs.start(from, last);
        return HttpResponse.accepted().headers(headers -> headers.location(
                URI.create("/v1/ledger/verifications/" + started.id()))).body(started);
    }

    @Get("/verifications/{id}")
    HttpResponse<?> verification(@PathVariable String id) {
        return jobs.status(id).<HttpResponse<?>>map(HttpResponse::ok)
                .orElseGet(() -> notFound("no verification " + id + " (jobs are kept in memory until a restart)"));
    }

    private Optional<HttpResponse<?>> refusalOfRange(long from, long last, long head) {
        if (from < 1) {
            return Optional.of(badRequest("from", "must be at least 1"));
        }
        if (last > head || last < from - 1) {
            return Optional.of(badRequest("to", "must be within " + (from - 1) + ".." + head));
        }
        if (last - from + 1 > configuration.verifyMaxEntries()) {
            return Optional.of(badRequest("to", "at most " + configuration.verifyMaxEntries()
                    + " entries per verification (LEDGER_VERIFY_MAX_ENTRIES)"));
        }
        return Optional.empty();
    }

    private static HttpResponse<?> badRequest(String field, String message) {
        return HttpResponse.badRequest(ErrorBody.of("the request is invalid", List.of(new FieldError(field, message))));
    }

    private static HttpResponse<?> notFound(String message) {
        return HttpResponse.status(HttpStatus.NOT_FOUND).body(ErrorBody.of(message, List.of()));
    }
}
