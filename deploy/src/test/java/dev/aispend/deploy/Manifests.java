package dev.aispend.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The Kubernetes objects each overlay renders to, with {@code kubectl kustomize} as an operator would. The local
 * overlay needs its secret files, so it is rendered from a copy of deploy/k8s with secrets made by
 * DevelopmentSecrets; production needs none (its Secrets come from the operator's store). Rendered once per run.
 */
final class Manifests {
    static final List<String> OVERLAYS = List.of("local", "production");
    private static final Map<String, Path> RENDERED = new ConcurrentHashMap<>();

    private Manifests() {
    }

    /** The file holding the overlay's rendered YAML. */
    static Path renderedFile(String overlay) {
        return RENDERED.computeIfAbsent(overlay, Manifests::render);
    }

    static List<Tree> objects(String overlay) {
        return Tree.documents(read(renderedFile(overlay)));
    }

    /** The Secrets production expects to exist, as secrets.example.yaml describes them. */
    static List<Tree> productionSecretsExample() {
        return Tree.documents(read(Deployment.deployDirectory().resolve("k8s/overlays/production/secrets.example.yaml")));
    }

    static List<Tree> ofKind(List<Tree> objects, String kind) {
        return objects.stream().filter(object -> kind.equals(object.kind())).toList();
    }

    static Tree named(List<Tree> objects, String kind, String name) {
        return objects.stream().filter(object -> kind.equals(object.kind()) && name.equals(object.name()))
                .findFirst().orElse(Tree.MISSING);
    }

    private static Path render(String overlay) {
        try {
            Path copy = Files.createTempDirectory("deploy-k8s-");
            copyTree(Deployment.deployDirectory().resolve("k8s"), copy);
            if (overlay.equals("local")) {
                DevelopmentSecrets.generate(copy.resolve("overlays/local/secrets"));
            }
            String yaml = Command.succeeding(copy, List.of("kubectl", "kustomize", "overlays/" + overlay));
            Path rendered = Files.createTempFile("rendered-" + overlay + "-", ".yaml");
            Files.writeString(rendered, yaml, StandardCharsets.UTF_8);
            return rendered;
        } catch (IOException failure) {
            throw new UncheckedIOException("could not render overlay " + overlay, failure);
        }
    }

    /** Copies deploy/k8s as it is in the work tree, secrets a developer made there included: they are replaced. */
    private static void copyTree(Path source, Path target) throws IOException {
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path destination = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(destination);
                } else if (!file.getParent().endsWith("overlays/local/secrets")) {
                    Files.copy(file, destination);
                }
            }
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException failure) {
            throw new UncheckedIOException("could not read " + file, failure);
        }
    }
}
