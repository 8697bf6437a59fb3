package dev.aispend.policy;

import dev.aispend.platform.logging.ServiceLauncher;

public final class Application {
    private Application() {
    }

    public static void main(String[] arguments) {
        ServiceLauncher.run(Application.class, arguments);
    }
}
