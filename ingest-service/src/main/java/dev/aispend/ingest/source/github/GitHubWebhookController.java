package dev.aispend.ingest.source.github;

import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import dev.aispend.ingest.acceptance.InvalidSubmissionException;
import dev.aispend.ingest.acceptance.SubmissionRules;
import dev.aispend.ingest.source.github.GitHubDeliveries.Delivery;
import dev.aispend.ingest.source.github.GitHubWebhookReceiver.Receipt;
import dev.aispend.platform.web.ErrorBody;
import dev.aispend.platform.web.FieldError;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code POST /v1/webhooks/github}: GitHub's webhook (docs/github.md). The signature is checked first, over the
 * raw body bytes, before anything is parsed or stored: unsigned or wrongly signed, 401 and nothing stored. With no
 * secret configured every delivery is refused (503: the service, not the sender, must be fixed), never taken
 * unverified. A verified merged pull request is published as an outcome (202 once Kafka acknowledged); ping and
 * any other event or action are acknowledged and ignored (200); a delivery id seen before answers 200 "already
 * received" (409 when its body differs). Runs on the blocking pool: it waits on the database and on Kafka.
 */
@Secured(SecurityRule.IS_ANONYMOUS)
@Controller("/v1/webhooks/github")
@Tag(name = "github")
final class GitHubWebhookController {
    private static final Logger LOG = LoggerFactory.getLogger(GitHubWebhookController.class);
    private static final String EVENT_HEADER = "X-GitHub-Event";
    private static final String DELIVERY_HEADER = "X-GitHub-Delivery";
    private static final Pattern EVENT = Pattern.compile("[a-z][a-z_]{0,63}");

    private final JsonMapper jsonMapper;
    private final WebhookSignature signature;
    private final GitHubWebhookReceiver receiver;

    GitHubWebhookController(JsonMapper jsonMapper, GitHubWebhookConfiguration configuration,
                            GitHubWebhookReceiver receiver) {
        this.jsonMapper = jsonMapper;
        this.signature = new WebhookSignature(configuration.secrets());
        this.receiver = receiver;
        if (!signature.configured()) {
            LOG.warn("no GitHub webhook secret is configured (INGEST_GITHUB_WEBHOOK_SECRET): "
                    + "POST /v1/webhooks/github refuses every delivery");
        }
    }

    @Operation(operationId = "receiveGitHubWebhook",
            summary = "Receive a GitHub webhook delivery (a merged pull request becomes an outcome)",
            description = "Signed with X-Hub-Signature-256 over the raw body; idempotent on X-GitHub-Delivery. "
                    + "Content type application/json (or GitHub's form encoding). docs/github.md.")
    @Post(consumes = {MediaType.APPLICATION_JSON, MediaType.APPLICATION_FORM_URLENCODED},
            produces = MediaType.APPLICATION_JSON)
    @ExecuteOn(TaskExecutors.BLOCKING)
    HttpResponse<?> receive(HttpRequest<?> request, @Body @Nullable byte[] body,
                            @Header(EVENT_HEADER) @Nullable String event,
                            @Header(DELIVERY_HEADER) @Nullable String deliveryId,
                            @Header(WebhookSignature.HEADER) @Nullable String signed) {
        byte[] rawBody = body == null ? new byte[0] : body;
        if (!signature.configured()) {
            return HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE).body(ErrorBody.of("no GitHub webhook secret "
                    + "is configured (INGEST_GITHUB_WEBHOOK_SECRET), so no delivery can be verified; every delivery "
                    + "is refused until one is", List.of()));
        }
        WebhookSignature.Verdict verdict = signature.verify(signed, rawBody);
        if (verdict != WebhookSignature.Verdict.VALID) {
            // RFC 9110 asks a 401 to name a scheme; GitHub's is its signature header.
            return HttpResponse.status(HttpStatus.UNAUTHORIZED)
                    .header(HttpHeaders.WWW_AUTHENTICATE, "X-Hub-Signature-256 realm=\"github-webhook\"")
                    .body(ErrorBody.of("the delivery's signature is not valid; nothing was stored",
                            List.of(new FieldError(WebhookSignature.HEADER, verdict.reason()))));
        }
        requireHeaders(deliveryId, event);
        Delivery delivery = new Delivery(deliveryId, event, sha256Hex(rawBody));
        WebhookDecision decision = PullRequestMerges.decide(event,
                WebhookPayloads.read(jsonMapper, request.getContentType().orElse(null), rawBody));
        return answer(delivery, receiver.receive(delivery, decision));
    }

    private static HttpResponse<?> answer(Delivery delivery, Receipt receipt) {
        return switch (receipt.status()) {
            case RECORDED -> HttpResponse.accepted().body(
                    new WebhookReceipt(delivery.id(), "recorded", receipt.outcomeId(), null));
            case IGNORED -> HttpResponse.ok(new WebhookReceipt(delivery.id(), "ignored", null, receipt.reason()));
            case ALREADY_RECEIVED -> HttpResponse.ok(new WebhookReceipt(delivery.id(), "already received",
                    receipt.outcomeId(), null));
            case CONFLICT -> HttpResponse.status(HttpStatus.CONFLICT).body(ErrorBody.of("delivery " + delivery.id()
                    + " was received before with a different body; nothing was recorded", List.of(new FieldError(
                    DELIVERY_HEADER, "names a delivery already received with another payload"))));
        };
    }

    /** Both headers are required and bounded. Checked only once the body is verified. */
    private static void requireHeaders(@Nullable String deliveryId, @Nullable String event) {
        List<FieldError> violations = new ArrayList<>();
        if (deliveryId == null || deliveryId.length() > SubmissionRules.MAX_ID_LENGTH
                || !SubmissionRules.ID.matcher(deliveryId).matches()) {
            violations.add(new FieldError(DELIVERY_HEADER, "is required: the delivery's GUID"));
        }
        if (event == null || !EVENT.matcher(event).matches()) {
            violations.add(new FieldError(EVENT_HEADER, "is required: the event's name (pull_request, ping, ...)"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidSubmissionException(violations);
        }
    }

    private static String sha256Hex(byte[] rawBody) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(rawBody));
        } catch (NoSuchAlgorithmException unavailable) {
            throw new IllegalStateException("SHA-256 is required of every JVM", unavailable);
        }
    }

    /** The 200/202 body: what became of the delivery. */
    @Serdeable
    record WebhookReceipt(String delivery, String status, @Nullable String outcomeId, @Nullable String reason) {
    }
}
