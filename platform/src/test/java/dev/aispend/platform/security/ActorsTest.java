package dev.aispend.platform.security;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class ActorsTest {

    @Test
    void records_a_token_subject_or_an_api_key_principal_as_it_is() {
        assertThat(Actors.recordable("alice")).contains("alice");
        assertThat(Actors.recordable("api-key:0123456789abcdef01234567")).contains("api-key:0123456789abcdef01234567");
        assertThat(Actors.recordable("Alice Martin")).contains("Alice Martin");
    }

    @Test
    void strips_surrounding_spaces() {
        assertThat(Actors.recordable(" alice ")).contains("alice");
    }

    @Test
    void refuses_rather_than_cuts_a_name_it_cannot_record() {
        char[] longest = new char[Actors.MAX_LENGTH];
        Arrays.fill(longest, 'a');
        assertThat(Actors.recordable(new String(longest))).isPresent();
        assertThat(Actors.recordable(new String(longest) + "a")).isEmpty();
        assertThat(Actors.recordable(null)).isEmpty();
        assertThat(Actors.recordable("")).isEmpty();
        assertThat(Actors.recordable("   ")).isEmpty();
        assertThat(Actors.recordable("alice\nforged: entry")).isEmpty();
        assertThat(Actors.recordable("alice\u0000")).isEmpty();
        assertThat(Actors.refusal().field()).isEqualTo("Authorization");
    }

    @Test
    void refuses_a_body_naming_another_actor_and_takes_one_naming_the_caller_or_none() {
        assertThat(Actors.claimedOther(null, "alice")).isEmpty();
        assertThat(Actors.claimedOther("alice", "alice")).isEmpty();
        assertThat(Actors.claimedOther("mallory", "alice")).get().extracting("field").isEqualTo("actor");
    }
}
