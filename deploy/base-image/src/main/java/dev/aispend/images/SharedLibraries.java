package dev.aispend.images;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The host's shared libraries a linked Java runtime needs (the C and C++ runtimes, libm, zlib and the dynamic
 * loader), as ldd resolves them: the image carries exactly these and nothing else of the host.
 */
final class SharedLibraries {
    /** "libz.so.1 => /lib/x86_64-linux-gnu/libz.so.1 (0x...)", "/lib64/ld-linux-x86-64.so.2 (0x...)". */
    private static final Pattern RESOLVED = Pattern.compile("^\\s*(?:\\S+\\s+=>\\s+)?(/\\S+)\\s+\\(0x[0-9a-f]+\\)$");
    private static final Pattern NOT_FOUND = Pattern.compile("^\\s*(\\S+)\\s+=>\\s+not found$");

    private SharedLibraries() {
    }

    /** The absolute host paths of every library the runtime's executables and libraries load, sorted. */
    static List<Path> neededBy(Path runtime) {
        List<Path> binaries = elfFilesIn(runtime);
        List<String> command = new ArrayList<>(List.of("ldd"));
        binaries.forEach(binary -> command.add(binary.toString()));
        String answer = Processes.run(command);
        Set<String> bundled = fileNamesIn(runtime);
        return fromLdd(answer, runtime, bundled);
    }

    /**
     * The host libraries ldd names, less those inside {@code runtime}. A library ldd cannot find must be one the
     * runtime carries (libjvm.so sits in lib/server, outside the other libraries' search path); any other is an
     * error, since the image could not start.
     */
    static List<Path> fromLdd(String lddOutput, Path runtime, Set<String> bundledFileNames) {
        Set<Path> libraries = new TreeSet<>();
        for (String line : lddOutput.split("\n")) {
            Matcher missing = NOT_FOUND.matcher(line);
            if (missing.matches()) {
                if (!bundledFileNames.contains(missing.group(1))) {
                    throw new IllegalStateException("ldd cannot find " + missing.group(1) + ", which the runtime"
                            + " needs and does not carry:\n" + lddOutput);
                }
                continue;
            }
            Matcher resolved = RESOLVED.matcher(line);
            if (resolved.matches()) {
                Path library = Path.of(resolved.group(1)).normalize();
                if (!library.startsWith(runtime.normalize())) {
                    libraries.add(library);
                }
            }
        }
        return List.copyOf(libraries);
    }

    private static List<Path> elfFilesIn(Path runtime) {
        try (Stream<Path> files = Files.walk(runtime)) {
            return files.filter(Files::isRegularFile).filter(SharedLibraries::isElf).sorted().toList();
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    private static Set<String> fileNamesIn(Path runtime) {
        try (Stream<Path> files = Files.walk(runtime)) {
            Set<String> names = new TreeSet<>();
            files.filter(Files::isRegularFile).forEach(file -> names.add(file.getFileName().toString()));
            return names;
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    private static boolean isElf(Path file) {
        try (InputStream input = Files.newInputStream(file)) {
            byte[] magic = input.readNBytes(4);
            return new String(magic, StandardCharsets.ISO_8859_1).equals("\u007fELF");
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }
}
