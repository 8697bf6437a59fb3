package dev.aispend.demo;

/** The client a person's usage arrives through, each in its own wire format. */
public enum Client {
    /** Claude Code's OpenTelemetry metrics (and, for some, its api_request log events) to /v1/metrics, /v1/logs. */
    CLAUDE_CODE,
    /** The LiteLLM proxy's StandardLoggingPayload callback to /v1/integrations/litellm (OpenAI models). */
    GATEWAY,
    /** An internal support assistant posting one record per conversation to /v1/usage/batch (Claude, 1 h cache). */
    SUPPORT_ASSISTANT,
    /** A data team's notebook tool posting one record per notebook run to /v1/usage/batch (Google models). */
    NOTEBOOK
}
