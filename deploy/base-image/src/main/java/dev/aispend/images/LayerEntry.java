package dev.aispend.images;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Objects;

/**
 * One file or directory of an image layer: where it lands in the image, its permissions and owner, and where its
 * bytes come from (a file on this machine or text made here). Paths are relative to the image's root, without a
 * leading slash; directories carry no trailing slash.
 */
record LayerEntry(String path, boolean directory, int permissions, int ownerId, Path source, byte[] text) {
    static final int ROOT = 0;

    LayerEntry {
        Objects.requireNonNull(path);
        if (path.isEmpty() || path.startsWith("/") || path.endsWith("/") || path.contains("..")) {
            throw new IllegalArgumentException("not a relative image path: '" + path + "'");
        }
    }

    static LayerEntry directory(String path, int permissions, int ownerId) {
        return new LayerEntry(path, true, permissions, ownerId, null, null);
    }

    static LayerEntry copyOf(String path, Path source, int permissions) {
        return new LayerEntry(path, false, permissions, ROOT, Objects.requireNonNull(source), null);
    }

    static LayerEntry text(String path, String content) {
        return new LayerEntry(path, false, 0644, ROOT, null, content.getBytes(StandardCharsets.UTF_8));
    }

    /** The directory this entry is in, or null at the image's root. */
    String parent() {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? null : path.substring(0, slash);
    }
}
