package dev.aispend.report;

import dev.aispend.platform.logging.ServiceLauncher;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;

@OpenAPIDefinition(info = @Info(title = "report-service", version = "1",
        description = "Reports of AI spend, outcomes, budgets, gamification and audit, as of any ledger position; "
                + "JSON or CSV; a FOCUS 1.2 export; rebuilds with digests (docs/reports.md)."))
public final class Application {
    private Application() {
    }

    public static void main(String[] arguments) {
        ServiceLauncher.run(Application.class, arguments);
    }
}
