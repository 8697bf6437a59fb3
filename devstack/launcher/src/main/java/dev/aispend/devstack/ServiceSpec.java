package dev.aispend.devstack;

import java.nio.file.Path;
import java.util.List;

/** One of the four services: the module it is built in, the port it listens on, the database it owns. */
public record ServiceSpec(String name, int port, String database) {

    public static List<ServiceSpec> defaults() {
        return List.of(
                new ServiceSpec("ingest-service", 8081, "ingest"),
                new ServiceSpec("ledger-service", 8082, "ledger"),
                new ServiceSpec("policy-service", 8083, "policy"),
                new ServiceSpec("report-service", 8084, "report"));
    }

    /** The thin jar the build leaves in the module's target directory, its libraries beside it in lib/. */
    public Path jar(Path repositoryRoot) {
        return repositoryRoot.resolve(name).resolve("target").resolve(name + ".jar");
    }

    public ServiceSpec withPort(int newPort) {
        return new ServiceSpec(name, newPort, database);
    }
}
