package dev.aispend.ingest.source.otlp.mapping;

import io.micronaut.core.annotation.Nullable;

import java.util.Locale;

/**
 * What the OpenTelemetry GenAI semantic conventions (and the older names OpenLLMetry and OpenInference still
 * send) say about the model and provider of a call.
 */
final class GenAi {

    private GenAi() {
    }

    /** The model that answered, else the one asked for; refused when neither is given. */
    static String model(Attributes attributes) {
        String model = attributes.firstText("gen_ai.response.model", "gen_ai.request.model", "llm.model_name");
        if (model == null) {
            throw new Refusal("has token usage but no model (gen_ai.response.model or gen_ai.request.model)");
        }
        return model;
    }

    /** {@code gen_ai.provider.name}, else the older {@code gen_ai.system}, else OpenInference's, lower-cased. */
    static @Nullable String provider(Attributes attributes) {
        String provider = attributes.firstText("gen_ai.provider.name", "gen_ai.system", "llm.provider",
                "llm.system");
        return provider == null ? null : provider.toLowerCase(Locale.ROOT);
    }
}
