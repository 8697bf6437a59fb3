package dev.aispend.images;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A Java runtime of only the named modules, linked by jlink from a JDK's jmods. */
final class JavaRuntime {
    /**
     * Native libraries of java.desktop that only a GUI loads (X11 windows, sound, fonts, images, the splash screen).
     * The services need java.desktop for java.beans alone; without these, the image needs none of X11, ALSA,
     * FreeType or libjpeg from the host. Headless AWT (libawt, libawt_headless) stays.
     */
    static final String GUI_LIBRARIES =
            "regex:.*/lib/(libawt_xawt|libsplashscreen|libjsound|libfontmanager|liblcms|libjavajpeg|libmlib_image"
                    + "|libjawt)\\.so";

    private JavaRuntime() {
    }

    /** Links {@code modules} of the JDK at {@code javaHome} into {@code output}, which must not exist. */
    static void link(Path javaHome, List<String> modules, Path output) {
        Path jlink = javaHome.resolve("bin/jlink");
        if (!Files.isExecutable(jlink) || !Files.isDirectory(javaHome.resolve("jmods"))) {
            throw new IllegalStateException(javaHome + " is not a JDK with jlink and jmods (on Debian:"
                    + " apt-get install openjdk-17-jdk-headless openjdk-17-jmods); set -Dbase.image.java.home=");
        }
        // Not --compress: the image layer is gzipped, and gzip packs uncompressed modules tighter (26 MB against
        // 33 MB measured) with nothing to inflate at class loading.
        Processes.run(List.of(jlink.toString(), "--add-modules", String.join(",", modules), "--strip-debug",
                "--no-header-files", "--no-man-pages", "--exclude-files=" + GUI_LIBRARIES, "--output",
                output.toString()));
    }
}
