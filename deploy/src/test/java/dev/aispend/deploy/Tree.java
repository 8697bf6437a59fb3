package dev.aispend.deploy;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A parsed YAML value walked by key and index, a missing step giving a missing tree instead of a
 * NullPointerException, so an assertion can say which field is absent.
 */
record Tree(Object value) {
    static final Tree MISSING = new Tree(null);

    /** Every document of a multi-document YAML text (kubectl kustomize's output), empty ones left out. */
    static List<Tree> documents(String yaml) {
        List<Tree> documents = new ArrayList<>();
        for (Object document : new Yaml(new LoaderOptions()).loadAll(yaml)) {
            if (document != null) {
                documents.add(new Tree(document));
            }
        }
        return documents;
    }

    static Tree document(String yaml) {
        return new Tree(new Yaml(new LoaderOptions()).load(yaml));
    }

    Tree get(String key) {
        return value instanceof Map<?, ?> map && map.containsKey(key) ? new Tree(map.get(key)) : MISSING;
    }

    /** {@code path("spec", "template", "spec")}. */
    Tree path(String... keys) {
        Tree tree = this;
        for (String key : keys) {
            tree = tree.get(key);
        }
        return tree;
    }

    List<Tree> list() {
        return value instanceof List<?> items ? items.stream().map(Tree::new).toList() : List.of();
    }

    List<String> keys() {
        return value instanceof Map<?, ?> map ? map.keySet().stream().map(String::valueOf).toList() : List.of();
    }

    boolean isMissing() {
        return value == null;
    }

    /** The value as text (a number or boolean as YAML wrote it), or null when missing. */
    String text() {
        return value == null ? null : String.valueOf(value);
    }

    String kind() {
        return get("kind").text();
    }

    String name() {
        return path("metadata", "name").text();
    }
}
