package dev.aispend.ingest.acceptance;

import dev.aispend.platform.web.FieldError;
import io.micronaut.core.annotation.Nullable;

import java.util.List;
import java.util.regex.Pattern;

/**
 * No email address reaches Kafka or the ledger (DESIGN.md invariant 6): people are named only through the person
 * key and aliases, which ingest turns into pseudonymous refs. Free text a client sends beside them (attributes,
 * session and request ids, a repository, labels) is recorded as given, so one shaped like an address is refused
 * (our API) or left out (a third party's context, which we do not control: LiteLLM's tags, OTLP attributes, GitHub
 * labels). Broad on purpose: anything shaped like an address counts, whatever its domain.
 */
public final class EmailAddresses {
    static final String REFUSAL = "must not contain an email address: no email enters the ledger; name people "
            + "through person or aliases, which ingest records only as pseudonymous refs";
    private static final String PART = "[^\\s@<>\"'(),;:]+";
    private static final Pattern SHAPE = Pattern.compile(PART + "@" + PART + "\\." + PART);

    private EmailAddresses() {
    }

    public static boolean in(@Nullable String text) {
        // Without an '@' nothing can match; the pattern alone tries every start, quadratic in a long value, and was
        // a tenth of ingest's time under OTLP load (docs/performance.md).
        return text != null && text.indexOf('@') >= 0 && SHAPE.matcher(text).find();
    }

    static void refuseIn(String field, @Nullable String value, List<FieldError> violations) {
        if (in(value)) {
            violations.add(new FieldError(field, REFUSAL));
        }
    }

    static void refuseInEach(String field, List<String> values, List<FieldError> violations) {
        for (int index = 0; index < values.size(); index++) {
            refuseIn(field + "[" + index + "]", values.get(index), violations);
        }
    }
}
