package dev.aispend.testsupport.logging;

import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where the logback.xml beside a class is: in its classes directory, or at the root of its jar. */
final class ServiceLogConfiguration {
    private static final String FILE = "logback.xml";

    private ServiceLogConfiguration() {
    }

    static URL beside(Class<?> anchor) {
        URL location = anchor.getProtectionDomain().getCodeSource().getLocation();
        try {
            Path path = Path.of(location.toURI());
            if (Files.isDirectory(path)) {
                return requireReadable(path.resolve(FILE)).toUri().toURL();
            }
            return new URL("jar:" + location + "!/" + FILE);
        } catch (URISyntaxException | MalformedURLException unusable) {
            throw new IllegalStateException("no " + FILE + " beside " + anchor.getName() + " at " + location,
                    unusable);
        }
    }

    private static Path requireReadable(Path file) {
        if (!Files.isReadable(file)) {
            throw new IllegalStateException("no " + FILE + " at " + file);
        }
        return file;
    }
}
