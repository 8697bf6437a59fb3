package dev.aispend.ingest.source.litellm;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LiteLlmAttributesTest {

    @Test
    void joins_the_tags_leaving_out_one_that_names_a_person_by_address() {
        assertThat(LiteLlmAttributes.joined(List.of("purpose:code-review", "requested-by:ivan@example.com",
                "team-x"))).isEqualTo("purpose:code-review, team-x");
    }
}
