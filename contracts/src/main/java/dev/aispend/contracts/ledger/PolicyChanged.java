package dev.aispend.contracts.ledger;

import dev.aispend.contracts.policy.PolicyKind;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A policy's new version, recorded because the request expected the version that was current (schema version 1).
 * A rule takes effect at this entry's ledger position, never before, and governs what happens from
 * {@code effectiveFrom} on. {@code content} is the whole new content; {@code diff} what changed from the previous
 * version, one {@link ContentChange} per top-level field added, removed or changed. {@code requestSha256}
 * identifies the request's content under {@code requestId} (a retry with other content is not applied twice).
 */
@Serdeable
public record PolicyChanged(
        String requestId,
        String policyId,
        PolicyKind kind,
        long version,
        String actor,
        Map<String, Object> content,
        List<ContentChange> diff,
        Instant effectiveFrom,
        Instant occurredAt,
        String requestSha256) implements LedgerPayload {

    public PolicyChanged {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(policyId, "policyId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(effectiveFrom, "effectiveFrom");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(requestSha256, "requestSha256");
        diff = diff == null ? List.of() : List.copyOf(diff);
        if (version < 1) {
            throw new IllegalArgumentException("a policy version starts at 1, was " + version);
        }
    }

    /** One top-level field of the content: its value before (null if added) and after (null if removed). */
    @Serdeable
    public record ContentChange(String field, @Nullable Object before, @Nullable Object after) {
    }
}
