package dev.aispend.images;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;

/**
 * An image tarball as `docker save` and Jib's buildTar write it, read without Docker: manifest.json, the image
 * configuration it names, and the layers in order (gzipped or not), each listed by path.
 */
final class ImageTarball {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One file or directory in a layer: its permission bits (with the set-id and sticky bits), owner and size. */
    record Entry(String path, boolean directory, int mode, long ownerId, long sizeBytes) {
        boolean executable() {
            return (mode & 0111) != 0;
        }
    }

    private final Path file;
    private final JsonNode manifest;
    private final JsonNode configuration;
    private final List<Map<String, Entry>> layers = new ArrayList<>();

    private ImageTarball(Path file, Map<String, byte[]> members) {
        this.file = file;
        this.manifest = parse(members.get("manifest.json")).get(0);
        this.configuration = parse(members.get(manifest.get("Config").asText()));
        for (JsonNode layer : manifest.get("Layers")) {
            layers.add(listing(members.get(layer.asText())));
        }
    }

    static ImageTarball read(Path file) {
        Map<String, byte[]> members = new HashMap<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(Files.newInputStream(file))) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                members.put(entry.getName(), tar.readAllBytes());
            }
        } catch (IOException failure) {
            throw new UncheckedIOException("cannot read " + file, failure);
        }
        return new ImageTarball(file, members);
    }

    JsonNode manifest() {
        return manifest;
    }

    /** The image configuration's "config": Entrypoint, Env, User, ExposedPorts, Labels. */
    JsonNode containerConfig() {
        return configuration.get("config");
    }

    JsonNode configuration() {
        return configuration;
    }

    /** Every layer, base first, as path (no leading slash or ./, no trailing slash) to entry. */
    List<Map<String, Entry>> layers() {
        return layers;
    }

    /** The environment as name to value. */
    Map<String, String> environment() {
        Map<String, String> environment = new LinkedHashMap<>();
        containerConfig().get("Env").forEach(variable -> {
            String[] parts = variable.asText().split("=", 2);
            environment.put(parts[0], parts[1]);
        });
        return environment;
    }

    /** Writes the files of every layer, in order, whose path {@code wanted} accepts, under {@code root}. */
    void extract(Path root, Predicate<String> wanted) {
        ImageExtraction.extract(file, manifest, root, wanted);
    }

    private static Map<String, Entry> listing(byte[] layer) {
        Map<String, Entry> entries = new LinkedHashMap<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(uncompressed(layer))) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                String path = normalized(entry.getName());
                entries.put(path, new Entry(path, entry.isDirectory(), entry.getMode() & 07777,
                        entry.getLongUserId(), entry.getSize()));
            }
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
        return entries;
    }

    static InputStream uncompressed(byte[] layer) throws IOException {
        boolean gzipped = layer.length > 2 && (layer[0] & 0xff) == 0x1f && (layer[1] & 0xff) == 0x8b;
        InputStream bytes = new ByteArrayInputStream(layer);
        return gzipped ? new GZIPInputStream(bytes) : bytes;
    }

    static String normalized(String name) {
        String path = name.startsWith("./") ? name.substring(2) : name;
        path = path.startsWith("/") ? path.substring(1) : path;
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    private static JsonNode parse(byte[] json) {
        try {
            return JSON.readTree(json);
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }
}
