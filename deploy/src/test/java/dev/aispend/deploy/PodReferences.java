package dev.aispend.deploy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What one container of a rendered pod is given, and what it refers to that does not exist: a ConfigMap or Secret
 * (or one of their keys) named by env or envFrom, and a file named by a *_FILE setting that no mounted Secret or
 * ConfigMap puts there. Kubernetes would start such a pod with the setting missing, or not start it at all.
 */
final class PodReferences {
    private final List<Tree> objects;

    /** @param objects the rendered objects, plus the Secrets an operator creates (production's example) */
    PodReferences(List<Tree> objects) {
        this.objects = objects;
    }

    /** The names of the environment variables the container gets. */
    Set<String> environment(Tree container) {
        Set<String> names = new HashSet<>();
        container.get("env").list().forEach(variable -> names.add(variable.get("name").text()));
        for (Tree source : container.get("envFrom").list()) {
            names.addAll(data(source.path("configMapRef", "name").text(), "ConfigMap").keys());
            names.addAll(data(source.path("secretRef", "name").text(), "Secret").keys());
        }
        return names;
    }

    /** Every reference of the container that leads nowhere, described for an assertion message. */
    List<String> problems(Tree podSpec, Tree container) {
        List<String> problems = new ArrayList<>();
        for (Tree source : container.get("envFrom").list()) {
            requireObject(source.path("configMapRef", "name").text(), "ConfigMap", problems);
            requireObject(source.path("secretRef", "name").text(), "Secret", problems);
        }
        for (Tree variable : container.get("env").list()) {
            requireKey(variable.path("valueFrom", "configMapKeyRef"), "ConfigMap", problems);
            requireKey(variable.path("valueFrom", "secretKeyRef"), "Secret", problems);
        }
        for (Tree volume : podSpec.get("volumes").list()) {
            requireObject(volume.path("configMap", "name").text(), "ConfigMap", problems);
            requireObject(volume.path("secret", "secretName").text(), "Secret", problems);
            for (Tree item : volume.path("secret", "items").list()) {
                requireKey(volume.path("secret", "secretName").text(), item.get("key").text(), "Secret", problems);
            }
        }
        for (String file : fileSettings(container)) {
            if (!isMountedFile(podSpec, container, file)) {
                problems.add("no mounted Secret or ConfigMap puts a file at " + file);
            }
        }
        return problems;
    }

    /** The values of the container's *_FILE settings, from env and from the ConfigMaps of envFrom. */
    private List<String> fileSettings(Tree container) {
        List<String> files = new ArrayList<>();
        for (Tree variable : container.get("env").list()) {
            if (variable.get("name").text().endsWith("_FILE") && !variable.get("value").isMissing()) {
                files.add(variable.get("value").text());
            }
        }
        for (Tree source : container.get("envFrom").list()) {
            Tree data = data(source.path("configMapRef", "name").text(), "ConfigMap");
            data.keys().stream().filter(name -> name.endsWith("_FILE")).forEach(name -> files.add(data.get(name).text()));
        }
        return files;
    }

    private boolean isMountedFile(Tree podSpec, Tree container, String file) {
        for (Tree mount : container.get("volumeMounts").list()) {
            String directory = mount.get("mountPath").text() + "/";
            if (!file.startsWith(directory)) {
                continue;
            }
            String relative = file.substring(directory.length());
            for (Tree volume : podSpec.get("volumes").list()) {
                if (volume.get("name").text().equals(mount.get("name").text()) && holds(volume, relative)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether a Secret or ConfigMap volume puts a file at {@code relative}: a listed item, or else a key. */
    private boolean holds(Tree volume, String relative) {
        Tree source = volume.get("secret").isMissing() ? volume.get("configMap") : volume.get("secret");
        if (source.isMissing()) {
            return false;
        }
        if (!source.get("items").list().isEmpty()) {
            return source.get("items").list().stream().anyMatch(item -> relative.equals(item.get("path").text()));
        }
        String kind = volume.get("secret").isMissing() ? "ConfigMap" : "Secret";
        String name = kind.equals("Secret") ? source.get("secretName").text() : source.get("name").text();
        return data(name, kind).keys().contains(relative);
    }

    private void requireKey(Tree reference, String kind, List<String> problems) {
        if (!reference.isMissing()) {
            requireKey(reference.get("name").text(), reference.get("key").text(), kind, problems);
        }
    }

    private void requireKey(String name, String key, String kind, List<String> problems) {
        if (requireObject(name, kind, problems) && !data(name, kind).keys().contains(key)) {
            problems.add(kind + " " + name + " has no key " + key);
        }
    }

    private boolean requireObject(String name, String kind, List<String> problems) {
        if (name != null && Manifests.named(objects, kind, name).isMissing()) {
            problems.add("no " + kind + " " + name);
            return false;
        }
        return name != null;
    }

    /** A ConfigMap's or Secret's keys and values (a Secret's data or stringData); missing when there is none. */
    private Tree data(String name, String kind) {
        if (name == null) {
            return Tree.MISSING;
        }
        Tree object = Manifests.named(objects, kind, name);
        return object.get("data").isMissing() ? object.get("stringData") : object.get("data");
    }
}
