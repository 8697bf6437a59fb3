package dev.aispend.platform.security;

import com.sun.net.httpserver.HttpServer;
import dev.aispend.devstack.TokenIssuer;
import dev.aispend.testsupport.security.TestIssuer;
import io.micronaut.context.ApplicationContext;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.validator.TokenValidator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The keys from a JWKS file (AUTH_JWKS_FILE) or URL (AUTH_JWKS_URL) verify the issuer's tokens, and nothing else's. */
class TokenKeysTest {

    @Test
    void verifies_tokens_with_the_keys_of_a_jwks_file_and_refuses_another_key_or_issuer() throws Exception {
        Path jwks = TestIssuer.writePublicKeys(directory.resolve("jwks.json"));
        try (ApplicationContext context = outsideTheTestEnvironment(Map.of("auth.jwks-file", jwks.toString()))) {
            assertAcceptsOnlyTheIssuersTokens(context);
        }
    }

    @Test
    void verifies_tokens_with_the_keys_served_at_a_jwks_url() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        byte[] keys = TestIssuer.issuer().publicKeys().getBytes(StandardCharsets.UTF_8);
        server.createContext("/jwks", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, keys.length);
            exchange.getResponseBody().write(keys);
            exchange.close();
        });
        server.start();
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/jwks";
        try (ApplicationContext context = outsideTheTestEnvironment(Map.of("auth.jwks-url", url))) {
            assertAcceptsOnlyTheIssuersTokens(context);
        } finally {
            server.stop(0);
        }
    }

    private static void assertAcceptsOnlyTheIssuersTokens(ApplicationContext context) throws Exception {
        assertThat(validate(context, TestIssuer.token("someone", Roles.FINANCE_AUDITOR))).singleElement()
                .satisfies(authentication -> {
                    assertThat(authentication.getName()).isEqualTo("someone");
                    assertThat(authentication.getRoles()).containsExactly(Roles.FINANCE_AUDITOR);
                });
        TokenIssuer stranger = new TokenIssuer(TokenIssuer.newKey("stranger"), TestIssuer.ISSUER);
        assertThat(validate(context, stranger.token("someone", List.of(Roles.ADMIN), List.of(), null,
                Duration.ofMinutes(5)))).as("signed by another key").isEmpty();
        TokenIssuer otherIssuer = new TokenIssuer(TestIssuer.key(), "another-issuer");
        assertThat(validate(context, otherIssuer.token("someone", List.of(Roles.ADMIN), List.of(), null,
                Duration.ofMinutes(5)))).as("another issuer, the same key").isEmpty();
    }

    /** Not the test environment: the tests' own key bean (TestIssuerKeys) must not be what verifies here. */
    private static ApplicationContext outsideTheTestEnvironment(Map<String, Object> keys) {
        Map<String, Object> properties = new java.util.HashMap<>(keys);
        properties.put("micronaut.security.token.jwt.claims-validators.issuer", TestIssuer.ISSUER);
        properties.put("micronaut.security.token.jwt.claims-validators.audience", "aispend");
        return ApplicationContext.builder().deduceEnvironment(false).properties(properties).start();
    }

    @TempDir
    Path directory;

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static List<Authentication> validate(ApplicationContext context, String token) throws Exception {
        List<Authentication> found = new ArrayList<>();
        for (TokenValidator validator : context.getBeansOfType(TokenValidator.class)) {
            found.addAll(first((Publisher<Authentication>) validator.validateToken(token, null)));
        }
        return found;
    }

    private static List<Authentication> first(Publisher<Authentication> publisher) throws Exception {
        CompletableFuture<List<Authentication>> done = new CompletableFuture<>();
        List<Authentication> values = new ArrayList<>();
        publisher.subscribe(new Subscriber<>() {
            @Override
            public void onSubscribe(Subscription subscription) {
                subscription.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(Authentication authentication) {
                values.add(authentication);
            }

            @Override
            public void onError(Throwable failure) {
                done.completeExceptionally(failure);
            }

            @Override
            public void onComplete() {
                done.complete(values);
            }
        });
        return done.get(10, TimeUnit.SECONDS);
    }
}
