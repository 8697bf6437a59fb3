package dev.aispend.platform.security;

import io.micronaut.security.token.Claims;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ExpiryRequiredTest {
    private final ExpiryRequired<Object> validator = new ExpiryRequired<>();

    @Test
    void refuses_a_token_that_names_no_expiry() {
        assertThat(validator.validate(claims(Map.of("sub", "someone", "iss", "issuer")), null)).isFalse();
    }

    @Test
    void leaves_a_token_with_an_expiry_to_the_expiry_check() {
        assertThat(validator.validate(claims(Map.of("sub", "someone", "exp", 1_900_000_000L)), null)).isTrue();
    }

    private static Claims claims(Map<String, Object> values) {
        return new Claims() {
            @Override
            public Object get(String name) {
                return values.get(name);
            }

            @Override
            public Set<String> names() {
                return values.keySet();
            }

            @Override
            public boolean contains(String name) {
                return values.containsKey(name);
            }
        };
    }
}
