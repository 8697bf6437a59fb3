package dev.aispend.ingest.directory.web;

import dev.aispend.ingest.identity.AliasKind;
import dev.aispend.ingest.acceptance.InvalidSubmissionException;
import dev.aispend.ingest.directory.DirectoryRules;
import dev.aispend.ingest.directory.PersonEntry;
import dev.aispend.ingest.source.JsonFields;
import dev.aispend.platform.web.FieldError;
import io.micronaut.json.tree.JsonNode;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The directory's JSON ({@code POST /v1/directory/people}, {@code /people/batch}; docs/directory.md) into entries:
 * {@code {"person", "team", "costCenter"?, "validFrom"?, "aliases": {"email": [...], "githubLogin": [...],
 * "providerAccountId": [...], "apiKeyId": [...]}}}, each alias kind a string or an array of strings. Types and
 * shape only (unknown fields refused, so a misspelt alias kind is not silently dropped); the rules are
 * {@link DirectoryRules}'.
 */
final class PersonJsonAdapter {
    static final String BATCH_ARRAY = "people";
    private static final Set<String> FIELDS = Set.of("person", "team", "costCenter", "validFrom", "aliases");
    private static final Map<String, AliasKind> ALIAS_KINDS = Map.of("email", AliasKind.EMAIL,
            "githubLogin", AliasKind.GITHUB_LOGIN, "providerAccountId", AliasKind.PROVIDER_ACCOUNT_ID,
            "apiKeyId", AliasKind.API_KEY_ID);

    private final int maxEntries;
    private final int maxAliasesPerKind;

    PersonJsonAdapter(int maxEntries, int maxAliasesPerKind) {
        this.maxEntries = maxEntries;
        this.maxAliasesPerKind = maxAliasesPerKind;
    }

    PersonEntry single(JsonNode body) {
        List<FieldError> violations = new ArrayList<>();
        PersonEntry entry = read(body, "", violations);
        DirectoryRules.refuseIfAny(violations);
        return entry;
    }

    /** {@code {"people": [...]}}: at most {@code maxEntries}, each reason naming {@code people[i].field}. */
    List<PersonEntry> batch(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw refused("$", "must be a JSON object with a people array of directory entries");
        }
        List<FieldError> violations = new ArrayList<>();
        JsonFields.of(body, "", violations).refuseUnknown(Set.of(BATCH_ARRAY), "a batch of directory entries");
        JsonNode people = body.get(BATCH_ARRAY);
        if (people == null || !people.isArray() || people.size() == 0) {
            violations.add(new FieldError(BATCH_ARRAY, "is required: a non-empty array of directory entries"));
        } else if (people.size() > maxEntries) {
            violations.add(new FieldError(BATCH_ARRAY, "carries " + people.size() + " entries; at most "
                    + maxEntries + " are taken per request (INGEST_MAX_BATCH_RECORDS); use the CSV import"));
        }
        DirectoryRules.refuseIfAny(violations);
        List<PersonEntry> entries = new ArrayList<>(people.size());
        for (int index = 0; index < people.size(); index++) {
            entries.add(read(people.get(index), BATCH_ARRAY + "[" + index + "]", violations));
        }
        DirectoryRules.refuseIfAny(violations);
        return entries;
    }

    private PersonEntry read(JsonNode node, String path, List<FieldError> violations) {
        if (node == null || !node.isObject()) {
            violations.add(new FieldError(path.isEmpty() ? "$" : path, "must be a JSON object"));
            return null;
        }
        JsonFields fields = JsonFields.of(node, path.isEmpty() ? "" : path + ".", violations);
        fields.refuseUnknown(FIELDS, "a directory entry");
        JsonFields aliases = fields.object("aliases");
        Map<AliasKind, List<String>> values = new EnumMap<>(AliasKind.class);
        if (aliases != null) {
            aliases.refuseUnknown(ALIAS_KINDS.keySet(), "aliases (email, githubLogin, providerAccountId, apiKeyId)");
            ALIAS_KINDS.forEach((name, kind) -> values.put(kind, textOrTexts(aliases, name)));
        }
        return new PersonEntry(fields.text("person"), fields.text("team"), fields.text("costCenter"),
                fields.instant("validFrom", false), values);
    }

    /** One alias as a string, or several as an array of strings. */
    private List<String> textOrTexts(JsonFields aliases, String name) {
        JsonNode node = aliases.node(name);
        if (node != null && node.isString()) {
            return List.of(aliases.text(name));
        }
        return aliases.texts(name, maxAliasesPerKind);
    }

    private static InvalidSubmissionException refused(String field, String message) {
        return new InvalidSubmissionException(List.of(new FieldError(field, message)));
    }
}
