package dev.aispend.ingest.source.litellm;

import dev.aispend.ingest.acceptance.EmailAddresses;
import dev.aispend.ingest.acceptance.SubmissionRules;
import dev.aispend.ingest.source.IdentifyingRefs;
import dev.aispend.ingest.source.JsonFields;
import io.micronaut.core.annotation.Nullable;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The extra attributes a LiteLLM payload leaves on its usage record, for filtering and reconciliation: the call
 * type, model group, the key's team id and alias and organization id, the request tags (joined, cut at a tag
 * boundary to the attribute value limit) and a pseudonymous ref of {@code end_user} (the request's {@code user},
 * often an email: its value never leaves ingest). A value that would break the attribute rules (control
 * characters) or holds an email address (a tag naming a user) is left out rather than refusing the call: attributes
 * are context, not the use.
 */
final class LiteLlmAttributes {
    private final Map<String, String> values = new LinkedHashMap<>();

    private LiteLlmAttributes() {
    }

    static LiteLlmAttributes of(JsonFields payload, @Nullable JsonFields metadata, List<String> tags,
                                IdentifyingRefs refs) {
        LiteLlmAttributes attributes = new LiteLlmAttributes();
        attributes.put("litellm.call_type", payload.text("call_type"));
        attributes.put("litellm.model_group", payload.text("model_group"));
        if (metadata != null) {
            attributes.put("litellm.team_id", metadata.text("user_api_key_team_id"));
            attributes.put("litellm.team_alias", metadata.text("user_api_key_team_alias"));
            attributes.put("litellm.org_id", metadata.textOrNumber("user_api_key_org_id"));
        }
        attributes.put("litellm.request_tags", joined(tags));
        String endUser = payload.textOrNumber("end_user");
        if (endUser != null && !endUser.isBlank()) {
            attributes.put("litellm.end_user_ref", LiteLlmMapper.endUserRef(refs, endUser));
        }
        return attributes;
    }

    void put(String key, @Nullable String value) {
        if (value == null || value.isBlank() || !SubmissionRules.PRINTABLE.matcher(value).matches()
                || EmailAddresses.in(value)) {
            return;
        }
        values.put(key, value.length() <= SubmissionRules.MAX_ATTRIBUTE_VALUE_LENGTH ? value
                : value.substring(0, SubmissionRules.MAX_ATTRIBUTE_VALUE_LENGTH));
    }

    Map<String, String> values() {
        return values;
    }

    /** Tags joined by ", ", as many whole tags as fit the attribute value limit, but none naming an address. */
    static @Nullable String joined(List<String> tags) {
        StringBuilder joined = new StringBuilder();
        for (String tag : tags) {
            int length = joined.length() + (joined.length() == 0 ? 0 : 2) + tag.length();
            if (tag.isBlank() || length > SubmissionRules.MAX_ATTRIBUTE_VALUE_LENGTH || EmailAddresses.in(tag)) {
                continue;
            }
            joined.append(joined.length() == 0 ? "" : ", ").append(tag);
        }
        return joined.length() == 0 ? null : joined.toString();
    }
}
