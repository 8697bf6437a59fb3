package dev.aispend.images;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A one-layer image in the tarball format `docker save` writes and `docker load` and Jib's tar:// read:
 * manifest.json naming the configuration and the layer, the configuration (environment, user, the layer's diff id),
 * and the layer itself, already gzipped so Jib stores it as it is instead of compressing it again for each service.
 */
final class DockerArchive {
    static final String LAYER_FILE = "layer.tar.gz";
    static final String CONFIG_FILE = "config.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private DockerArchive() {
    }

    /**
     * @param tag        the name the image carries (RepoTags), e.g. aispend/base-jre:17
     * @param history    how the layer was made, shown by `docker history`
     */
    static void write(Path target, String tag, ImageLayer.Written layer, String history) {
        byte[] config = json(configuration(layer, history));
        ArrayNode manifest = JSON.createArrayNode();
        ObjectNode image = manifest.addObject();
        image.put("Config", CONFIG_FILE);
        image.putArray("RepoTags").add(tag);
        image.putArray("Layers").add(LAYER_FILE);
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(Files.newOutputStream(target))) {
            append(tar, CONFIG_FILE, config);
            append(tar, "manifest.json", json(manifest));
            TarArchiveEntry header = header(LAYER_FILE, layer.sizeBytes());
            tar.putArchiveEntry(header);
            Files.copy(layer.file(), tar);
            tar.closeArchiveEntry();
            tar.finish();
        } catch (IOException failure) {
            throw new UncheckedIOException("cannot write " + target, failure);
        }
    }

    /** The image configuration (OCI image spec, "config"): what a container of this image starts with. */
    static ObjectNode configuration(ImageLayer.Written layer, String history) {
        ObjectNode config = JSON.createObjectNode();
        config.put("created", "1970-01-01T00:00:00Z");
        config.put("architecture", architecture());
        config.put("os", "linux");
        ObjectNode container = config.putObject("config");
        container.put("User", RootFilesystem.USER_ID + ":" + RootFilesystem.USER_ID);
        ArrayNode environment = container.putArray("Env");
        // As eclipse-temurin sets them, so an image behaves the same on either base. Without a UTF-8 locale, Java 17
        // would read and write files and names in ASCII (file.encoding follows LANG until Java 18).
        List.of("PATH=/" + RootFilesystem.JAVA_HOME + "/bin:/usr/local/bin:/usr/bin:/bin",
                "JAVA_HOME=/" + RootFilesystem.JAVA_HOME, "LANG=C.UTF-8").forEach(environment::add);
        ObjectNode rootfs = config.putObject("rootfs");
        rootfs.put("type", "layers");
        rootfs.putArray("diff_ids").add(layer.diffId());
        ObjectNode step = config.putArray("history").addObject();
        step.put("created", "1970-01-01T00:00:00Z");
        step.put("created_by", history);
        return config;
    }

    /** The OCI name of this machine's architecture: the runtime and libraries in the layer are this machine's. */
    static String architecture() {
        String arch = System.getProperty("os.arch");
        return switch (arch) {
            case "amd64", "x86_64" -> "amd64";
            case "aarch64" -> "arm64";
            default -> arch;
        };
    }

    private static void append(TarArchiveOutputStream tar, String name, byte[] content) throws IOException {
        tar.putArchiveEntry(header(name, content.length));
        tar.write(content);
        tar.closeArchiveEntry();
    }

    private static TarArchiveEntry header(String name, long sizeBytes) {
        TarArchiveEntry header = new TarArchiveEntry(name);
        header.setSize(sizeBytes);
        header.setMode(TarArchiveEntry.DEFAULT_FILE_MODE);
        header.setIds(0, 0);
        header.setUserName("root");
        header.setGroupName("root");
        header.setModTime(ImageLayer.FILE_TIME);
        return header;
    }

    private static byte[] json(Object value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }
}
