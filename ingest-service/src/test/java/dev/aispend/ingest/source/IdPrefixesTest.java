package dev.aispend.ingest.source;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class IdPrefixesTest {

    @Test
    void reserves_every_prefix_an_adapter_makes_ids_with() {
        List<String> prefixes = List.of(IdPrefixes.LITELLM, IdPrefixes.OTLP_METRIC, IdPrefixes.OTLP_LOG,
                IdPrefixes.OTLP_SPAN, IdPrefixes.ANTHROPIC_USAGE, IdPrefixes.ANTHROPIC_COST,
                IdPrefixes.ANTHROPIC_CLAUDE_CODE, IdPrefixes.OPENAI_USAGE, IdPrefixes.OPENAI_COSTS,
                IdPrefixes.GITHUB_PULL_REQUEST, IdPrefixes.DIRECTORY_LINK);

        assertThat(prefixes).allSatisfy(prefix -> {
            assertThat(IdPrefixes.reservedPrefixOf(DeterministicIds.of(prefix, "x"))).as(prefix).isNotNull();
            assertThat(IdPrefixes.reservedPrefixOf(prefix + "-12345")).as(prefix).isNotNull();
        });
    }

    @Test
    void leaves_a_clients_own_ids_alone_even_when_they_name_a_provider() {
        assertThat(IdPrefixes.reservedPrefixOf("req-2026-11-22-0001")).isNull();
        assertThat(IdPrefixes.reservedPrefixOf("anthropic_msg_01")).isNull();
        assertThat(IdPrefixes.reservedPrefixOf("my-litellm-1")).isNull();
        assertThat(IdPrefixes.reservedPrefixOf("OTLP-1")).isNull();
    }
}
