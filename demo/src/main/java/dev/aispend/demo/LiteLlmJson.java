package dev.aispend.demo;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.util.List;

/**
 * LiteLLM's StandardLoggingPayload, one per call, as its generic API callback posts them ({@code json_array}):
 * prompt tokens include cache reads (OpenAI's convention), reasoning is inside the completion, the cost is in
 * dollars. The person is the gateway user of their virtual key; no email is sent (docs/integrations.md).
 */
final class LiteLlmJson {
    private LiteLlmJson() {
    }

    static byte[] payloads(List<Use> calls) {
        ArrayNode array = Json.array();
        for (Use call : calls) {
            array.add(payload(call));
        }
        return Json.bytes(array);
    }

    private static ObjectNode payload(Use call) {
        Tokens tokens = call.tokens();
        long prompt = tokens.input() + tokens.cacheRead();
        long completion = tokens.output() + tokens.reasoning();
        long cost = Prices.cost(call);
        ObjectNode payload = Json.object().put("id", "chatcmpl-" + Roster.uuid(0, "call", call.id()))
                .put("trace_id", call.sessionId()).put("call_type", "acompletion").put("status", "success")
                .put("response_cost", Json.dollars(cost)).put("prompt_tokens", prompt)
                .put("completion_tokens", completion).put("total_tokens", prompt + completion)
                .put("model", call.model()).put("model_group", call.model()).put("custom_llm_provider", "openai")
                .put("startTime", seconds(call.start())).put("endTime", seconds(call.end())).put("cache_hit", false);
        payload.putObject("cost_breakdown").put("total_cost", Json.dollars(cost));
        payload.putArray("request_tags").add("purpose:" + call.purpose()).add("team:" + call.person().team().name());
        ObjectNode metadata = payload.putObject("metadata")
                .put("user_api_key_user_id", call.person().gatewayUser())
                .put("user_api_key_team_id", "team-" + call.person().team().name())
                .put("user_api_key_team_alias", call.person().team().name())
                .put("user_api_key_org_id", "acme")
                .put("user_api_key_hash", Roster.uuid(0, "virtual-key", call.person().apiKeyId()).toString()
                        .replace("-", ""));
        ObjectNode usage = metadata.putObject("usage_object").put("prompt_tokens", prompt)
                .put("completion_tokens", completion).put("total_tokens", prompt + completion);
        usage.putObject("prompt_tokens_details").put("cached_tokens", tokens.cacheRead());
        usage.putObject("completion_tokens_details").put("reasoning_tokens", tokens.reasoning());
        return payload;
    }

    private static BigDecimal seconds(java.time.Instant instant) {
        return BigDecimal.valueOf(instant.toEpochMilli(), 3);
    }
}
