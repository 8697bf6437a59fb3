package dev.aispend.deploy;

import java.nio.file.Path;

/** Where the tests find the repository and the tools ensure-tools.sh installed (system properties from the pom). */
final class Deployment {
    private Deployment() {
    }

    static Path repositoryRoot() {
        return Path.of(required("repository.root"));
    }

    static Path deployDirectory() {
        return repositoryRoot().resolve("deploy");
    }

    static Path checksDirectory() {
        return Path.of(required("deploy.checks.dir"));
    }

    static String projectVersion() {
        return required("project.version");
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + property + " is not set: run through Maven");
        }
        return value;
    }
}
