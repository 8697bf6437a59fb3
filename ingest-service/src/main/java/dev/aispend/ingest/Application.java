package dev.aispend.ingest;

import dev.aispend.platform.logging.ServiceLauncher;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;

/**
 * ingest-service: takes usage and outcomes from the clients people run (our JSON API, OTLP, LiteLLM, provider
 * reports, GitHub) and hands them to the ledger through Kafka. Its OpenAPI document is generated from the code at
 * build time and served at {@code /swagger/ingest-service-1.yml}, with Swagger UI at {@code /swagger-ui/}.
 */
@OpenAPIDefinition(info = @Info(title = "ingest-service", version = "1",
        description = "Usage and outcomes into the AI spend ledger. Every 2xx means Kafka acknowledged every record "
                + "(acks=all); errors are RFC 9457 application/problem+json naming each bad field; 503 carries "
                + "Retry-After. See docs/ingest-api.md."))
public final class Application {
    private Application() {
    }

    public static void main(String[] arguments) {
        ServiceLauncher.run(Application.class, arguments);
    }
}
