package dev.aispend.ingest.directory.web;

import dev.aispend.ingest.acceptance.EmailAddresses;
import dev.aispend.ingest.acceptance.InvalidSubmissionException;
import dev.aispend.ingest.acceptance.SubmissionRules;
import dev.aispend.ingest.source.JsonFields;
import dev.aispend.platform.web.FieldError;
import io.micronaut.json.tree.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code {"personRef": "prs_...", "reason": "..."}}, checked: every bad field named in a 400, unknown fields
 * refused. The reason is recorded in the ledger as given, so it may not carry an email address (no email enters
 * the ledger): the person is named by the ref.
 */
record ReidentificationRequest(String personRef, String reason) {
    static final int MAX_REASON_LENGTH = 500;
    static final Pattern PERSON_REF = Pattern.compile("prs_[0-9a-f]{32}");
    private static final Set<String> FIELDS = Set.of("personRef", "reason");

    static ReidentificationRequest of(JsonNode body) {
        List<FieldError> violations = new ArrayList<>();
        if (!body.isObject()) {
            throw new InvalidSubmissionException(List.of(new FieldError("$", "must be a JSON object")));
        }
        JsonFields fields = JsonFields.of(body, "", violations);
        fields.refuseUnknown(FIELDS, "a re-identification request");
        String personRef = fields.requiredText("personRef");
        String reason = fields.requiredText("reason");
        if (personRef != null && !PERSON_REF.matcher(personRef).matches()) {
            fields.refuse("personRef", "must be a person ref: prs_ and 32 lower-case hex digits");
        }
        if (reason != null) {
            checkReason(reason, fields);
        }
        if (!violations.isEmpty()) {
            throw new InvalidSubmissionException(violations);
        }
        return new ReidentificationRequest(personRef, reason);
    }

    private static void checkReason(String reason, JsonFields fields) {
        if (reason.isEmpty() || reason.length() > MAX_REASON_LENGTH
                || !SubmissionRules.PRINTABLE.matcher(reason).matches()) {
            fields.refuse("reason", "must say why, in 1.." + MAX_REASON_LENGTH
                    + " characters without control characters");
        } else if (EmailAddresses.in(reason)) {
            fields.refuse("reason", "must not contain an email address: the ledger records the reason, and no "
                    + "email enters the ledger; the person ref names the person");
        }
    }
}
