package dev.aispend.ingest.secrets;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/** GitHub's ping delivery, signed as GitHub signs it (X-Hub-Signature-256: HMAC-SHA256 of the body's bytes). */
final class WebhookPings {

    private WebhookPings() {
    }

    static HttpRequest<byte[]> signedWith(String secret, String deliveryId) {
        byte[] body = pingBody();
        return HttpRequest.POST("/v1/webhooks/github", body).contentType(MediaType.APPLICATION_JSON_TYPE)
                .header("X-GitHub-Event", "ping").header("X-GitHub-Delivery", deliveryId)
                .header("X-Hub-Signature-256", "sha256=" + HexFormat.of().formatHex(hmac(secret, body)));
    }

    private static byte[] pingBody() {
        try (InputStream fixture = WebhookPings.class.getClassLoader()
                .getResourceAsStream("fixtures/github/ping.json")) {
            if (fixture == null) {
                throw new IllegalStateException("no fixture fixtures/github/ping.json on the classpath");
            }
            return fixture.readAllBytes();
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    private static byte[] hmac(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(body);
        } catch (GeneralSecurityException unavailable) {
            throw new IllegalStateException("HmacSHA256 is required of every JVM", unavailable);
        }
    }
}
