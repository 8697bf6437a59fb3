package dev.aispend.images;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The base image's whole file system: the Java runtime where eclipse-temurin keeps it (/opt/java/openjdk), the host
 * libraries at the paths ldd found them, a non-root user, and /tmp. No shell and no package manager: nothing runs
 * in it but java.
 */
final class RootFilesystem {
    static final String JAVA_HOME = "opt/java/openjdk";
    static final int USER_ID = 10001;
    static final String USER_NAME = "aispend";
    /**
     * glibc's C.UTF-8 locale (Debian's libc-bin ships it; glibc does not build it in): with LANG=C.UTF-8 it makes
     * Java 17 read and write text, file names and the console as UTF-8 (file.encoding follows the locale until
     * Java 18; without it, ASCII).
     */
    static final Path UTF8_LOCALE = Path.of("/usr/lib/locale/C.utf8");

    private RootFilesystem() {
    }

    /** Every entry of the layer, parents before children, each directory once. */
    static Collection<LayerEntry> of(Path runtime, List<Path> hostLibraries) {
        Map<String, LayerEntry> entries = new TreeMap<>();
        treeOf(runtime, JAVA_HOME).forEach(entry -> add(entries, entry));
        if (!Files.isDirectory(UTF8_LOCALE)) {
            throw new IllegalStateException(UTF8_LOCALE + " is missing: the image would run Java with ASCII as its"
                    + " encoding (on Debian it comes with libc-bin)");
        }
        treeOf(UTF8_LOCALE, UTF8_LOCALE.toString().substring(1)).forEach(entry -> add(entries, entry));
        for (Path library : hostLibraries) {
            // The real file behind a link (libz.so.1 -> libz.so.1.2.13), stored under the name the loader asks for.
            Path file = realPath(library);
            add(entries, LayerEntry.copyOf(library.toString().substring(1), file, Files.isExecutable(file) ? 0755 : 0644));
        }
        add(entries, LayerEntry.text("etc/passwd", "root:x:0:0:root:/root:/sbin/nologin\n" + USER_NAME + ":x:"
                + USER_ID + ":" + USER_ID + "::/home/" + USER_NAME + ":/sbin/nologin\n"));
        add(entries, LayerEntry.text("etc/group", "root:x:0:\n" + USER_NAME + ":x:" + USER_ID + ":\n"));
        // Users from /etc/passwd, host names from /etc/hosts first, then DNS (the container runtime mounts both).
        add(entries, LayerEntry.text("etc/nsswitch.conf", "passwd: files\ngroup: files\nhosts: files dns\n"));
        add(entries, LayerEntry.directory("home/" + USER_NAME, 0750, USER_ID));
        // Netty and the Kafka client's compression libraries unpack their native code here.
        add(entries, LayerEntry.directory("tmp", 01777, LayerEntry.ROOT));
        return List.copyOf(entries.values());
    }

    private static void add(Map<String, LayerEntry> entries, LayerEntry entry) {
        for (String parent = entry.parent(); parent != null; parent = entries.get(parent).parent()) {
            if (entries.containsKey(parent)) {
                break;
            }
            entries.put(parent, LayerEntry.directory(parent, 0755, LayerEntry.ROOT));
        }
        entries.put(entry.path(), entry);
    }

    /** The files and directories under {@code directory}, as entries under {@code imagePath}. */
    private static List<LayerEntry> treeOf(Path directory, String imagePath) {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(file -> !file.equals(directory)).sorted().map(file -> {
                String path = imagePath + "/" + directory.relativize(file).toString().replace('\\', '/');
                if (Files.isDirectory(file)) {
                    return LayerEntry.directory(path, 0755, LayerEntry.ROOT);
                }
                return LayerEntry.copyOf(path, file, Files.isExecutable(file) ? 0755 : 0644);
            }).toList();
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    private static Path realPath(Path file) {
        try {
            return file.toRealPath();
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }
}
