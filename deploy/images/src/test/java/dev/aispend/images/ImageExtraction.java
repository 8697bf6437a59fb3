package dev.aispend.images;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Unpacks an image's layers, in order, into a directory as a container runtime would lay out its root file system:
 * permissions and owners as the layers say, so the image's own user meets the file system it will meet in a
 * container. Only regular files and directories: what Jib and deploy/base-image write.
 */
final class ImageExtraction {
    private ImageExtraction() {
    }

    static void extract(Path tarball, JsonNode manifest, Path root, Predicate<String> wanted) {
        Map<String, byte[]> layers = new HashMap<>();
        manifest.get("Layers").forEach(layer -> layers.put(layer.asText(), null));
        try (TarArchiveInputStream tar = new TarArchiveInputStream(Files.newInputStream(tarball))) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                if (layers.containsKey(entry.getName())) {
                    layers.put(entry.getName(), tar.readAllBytes());
                }
            }
            for (JsonNode layer : manifest.get("Layers")) {
                unpack(layers.get(layer.asText()), root, wanted);
            }
        } catch (IOException failure) {
            throw new UncheckedIOException("cannot extract " + tarball, failure);
        }
    }

    private static void unpack(byte[] layer, Path root, Predicate<String> wanted) throws IOException {
        try (TarArchiveInputStream tar = new TarArchiveInputStream(ImageTarball.uncompressed(layer))) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                String path = ImageTarball.normalized(entry.getName());
                if (path.isEmpty() || !wanted.test(path)) {
                    continue;
                }
                Path target = root.resolve(path).normalize();
                if (!target.startsWith(root)) {
                    throw new IllegalStateException("layer entry outside the root: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else if (entry.isFile()) {
                    Files.createDirectories(target.getParent());
                    Files.copy(tar, target, StandardCopyOption.REPLACE_EXISTING);
                } else {
                    throw new IllegalStateException("unexpected entry type in a layer: " + entry.getName());
                }
                Files.setPosixFilePermissions(target, permissions(entry.getMode()));
                if (entry.getLongUserId() != 0 || entry.getLongGroupId() != 0) {
                    Files.setAttribute(target, "unix:uid", (int) entry.getLongUserId());
                    Files.setAttribute(target, "unix:gid", (int) entry.getLongGroupId());
                }
            }
        }
    }

    /** The rwx bits of {@code mode}. Java cannot set the sticky bit: /tmp (1777) becomes 0777, all these tests need. */
    private static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] bits = PosixFilePermission.values(); // OWNER_READ .. OTHERS_EXECUTE, high bit first
        for (int bit = 0; bit < 9; bit++) {
            if ((mode & (0400 >> bit)) != 0) {
                permissions.add(bits[bit]);
            }
        }
        return permissions;
    }
}
