package dev.aispend.images;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class RootFilesystemTest {
    @TempDir
    Path runtime;

    @Test
    void putsTheRuntimeWhereTemurinHasItAndTheHostLibrariesWhereLddFoundThem() throws IOException {
        Files.createDirectories(runtime.resolve("bin"));
        Files.writeString(runtime.resolve("bin/java"), "launcher").toFile().setExecutable(true);
        Path library = Files.writeString(runtime.resolveSibling(runtime.getFileName() + "-libz.so.1"), "z");

        List<LayerEntry> entries = List.copyOf(RootFilesystem.of(runtime, List.of(library)));

        Map<String, LayerEntry> byPath = entries.stream()
                .collect(Collectors.toMap(LayerEntry::path, Function.identity()));
        assertThat(byPath.get("opt/java/openjdk/bin/java").permissions()).isEqualTo(0755);
        assertThat(byPath).containsKey(library.toString().substring(1));
        assertThat(byPath).containsKeys("opt", "opt/java", "opt/java/openjdk", "opt/java/openjdk/bin",
                "usr/lib/locale/C.utf8/LC_CTYPE");
        for (int index = 0; index < entries.size(); index++) {
            String parent = entries.get(index).parent();
            if (parent != null) {
                assertThat(entries.subList(0, index)).extracting(LayerEntry::path).as("before " + entries.get(index))
                        .contains(parent);
            }
        }
    }

    @Test
    void hasANonRootUserWithAHomeOfItsOwnAndAWorldWritableStickyTmp() {
        Map<String, LayerEntry> byPath = RootFilesystem.of(runtime, List.of()).stream()
                .collect(Collectors.toMap(LayerEntry::path, Function.identity()));

        assertThat(new String(byPath.get("etc/passwd").text(), StandardCharsets.UTF_8))
                .contains("aispend:x:10001:10001::/home/aispend:/sbin/nologin");
        assertThat(byPath.get("home/aispend").ownerId()).isEqualTo(10001);
        assertThat(byPath.get("tmp").permissions()).isEqualTo(01777);
    }
}
