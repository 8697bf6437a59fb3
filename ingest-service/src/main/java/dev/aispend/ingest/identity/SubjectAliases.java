package dev.aispend.ingest.identity;

import io.micronaut.core.annotation.Nullable;

import java.util.ArrayList;
import java.util.List;

/**
 * Who a submission is about, as the client names them: a stable person identity (the directory's person key,
 * often an email), or aliases the directory maps to a person (an email, a GitHub login, a provider account id,
 * an API key id). Any may be null; identity resolution tries them in {@link AliasKind} order. These values are
 * personal data: they stay in ingest (the directory, never Kafka, the ledger or logs).
 */
public record SubjectAliases(
        @Nullable String person,
        @Nullable String email,
        @Nullable String githubLogin,
        @Nullable String providerAccountId,
        @Nullable String apiKeyId) {

    public static final SubjectAliases NONE = new SubjectAliases(null, null, null, null, null);

    public static SubjectAliases ofEmail(@Nullable String email) {
        return new SubjectAliases(null, email, null, null, null);
    }

    public static SubjectAliases ofGithubLogin(@Nullable String login) {
        return new SubjectAliases(null, null, login, null, null);
    }

    /** The aliases given, in the order identity resolution tries them. */
    public List<Alias> given() {
        List<Alias> given = new ArrayList<>(AliasKind.values().length);
        for (AliasKind kind : AliasKind.values()) {
            String value = kind.of(this);
            if (value != null && !value.isBlank()) {
                given.add(new Alias(kind, value.strip()));
            }
        }
        return given;
    }

    public boolean isEmpty() {
        return given().isEmpty();
    }

    /** One alias: its kind and the client's value. */
    public record Alias(AliasKind kind, String value) {
    }
}
