package dev.aispend.ingest.source.api;

import dev.aispend.ingest.acceptance.InvalidSubmissionException;
import dev.aispend.ingest.identity.SubjectAliases;
import dev.aispend.ingest.source.IdPrefixes;
import dev.aispend.ingest.source.JsonFields;
import dev.aispend.platform.web.FieldError;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What our own API's usage and outcome formats share: the batch envelope and who a record is about. */
final class ApiBatches {
    private ApiBatches() {
    }

    /**
     * The elements of {@code {"<array>": [...]}}, refusing any other field, a missing or empty array. The batch
     * size limit is the acceptance path's, shared with every format.
     */
    static List<JsonNode> elements(JsonNode body, String array, String what) {
        if (body == null || !body.isObject()) {
            throw new InvalidSubmissionException(List.of(new FieldError("$",
                    "must be a JSON object with a " + array + " array of " + what)));
        }
        List<FieldError> violations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : body.entries()) {
            if (!array.equals(entry.getKey())) {
                violations.add(new FieldError(entry.getKey(), "is not a field of a batch of " + what));
            }
        }
        JsonNode elements = body.get(array);
        if (elements == null || !elements.isArray()) {
            violations.add(new FieldError(array, "is required: an array of " + what));
        } else if (elements.size() == 0) {
            violations.add(new FieldError(array, "must hold at least one record"));
        }
        refuseIfAny(violations);
        List<JsonNode> list = new ArrayList<>(elements.size());
        for (int index = 0; index < elements.size(); index++) {
            list.add(elements.get(index));
        }
        return list;
    }

    static void refuseIfAny(List<FieldError> violations) {
        if (!violations.isEmpty()) {
            throw new InvalidSubmissionException(violations);
        }
    }

    /**
     * The client's {@code id}, refused when it lies in an adapter's namespace ({@link IdPrefixes}): the ledger
     * records an id once, so a client's {@code litellm-...} would shadow the gateway's genuine record.
     */
    static String id(JsonFields fields) {
        String id = fields.requiredText("id");
        String reserved = id == null ? null : IdPrefixes.reservedPrefixOf(id);
        if (reserved != null) {
            fields.refuse("id", "must not begin with " + reserved + ": ids beginning so are reserved for the ids "
                    + "ingest makes for its other sources; choose another prefix");
        }
        return id;
    }

    /**
     * {@code person} and {@code aliases {email, githubLogin, providerAccountId, apiKeyId}}; at least one, since a
     * record about nobody cannot be attributed or re-attributed later.
     */
    static SubjectAliases subject(JsonFields fields) {
        String person = notBlank(fields, "person", fields.text("person"));
        JsonFields aliases = fields.object("aliases");
        SubjectAliases subject = aliases == null ? new SubjectAliases(person, null, null, null, null)
                : subjectWithAliases(person, aliases);
        if (subject.isEmpty() && fields.node("person") == null) {
            fields.refuse("person", "is required unless aliases name the person (email, githubLogin, "
                    + "providerAccountId or apiKeyId)");
        }
        return subject;
    }

    private static SubjectAliases subjectWithAliases(String person, JsonFields aliases) {
        aliases.refuseUnknown(UsageJsonAdapter.ALIAS_FIELDS, "aliases (email, githubLogin, providerAccountId, "
                + "apiKeyId)");
        return new SubjectAliases(person, notBlank(aliases, "email", aliases.text("email")),
                notBlank(aliases, "githubLogin", aliases.text("githubLogin")),
                notBlank(aliases, "providerAccountId", aliases.textOrNumber("providerAccountId")),
                notBlank(aliases, "apiKeyId", aliases.textOrNumber("apiKeyId")));
    }

    /**
     * Refuses a blank value: "person": " " names nobody, and taken as absent it would record the use as
     * unattributed, which the client did not mean.
     */
    private static @Nullable String notBlank(JsonFields fields, String field, @Nullable String value) {
        if (value != null && value.isBlank()) {
            fields.refuse(field, "must not be blank: leave it out when it is not known");
            return null;
        }
        return value;
    }
}
