package dev.aispend.images;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SharedLibrariesTest {
    private static final Path RUNTIME = Path.of("/work/target/runtime");

    @Test
    void takesTheHostLibrariesAndTheLoaderButNotTheRuntimesOwnOrTheKernelsVirtualOne() {
        String ldd = """
                /work/target/runtime/bin/java:
                \tlinux-vdso.so.1 (0x00007ffd6a1f2000)
                \tlibz.so.1 => /lib/x86_64-linux-gnu/libz.so.1 (0x00007f0c1c1a0000)
                \tlibjli.so => /work/target/runtime/bin/../lib/libjli.so (0x00007f0c1c180000)
                \tlibc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x00007f0c1bf9f000)
                \t/lib64/ld-linux-x86-64.so.2 (0x00007f0c1c1c5000)
                /work/target/runtime/lib/libjava.so:
                \tlibjvm.so => not found
                \tlibc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x00007f0c1bf9f000)
                """;

        assertThat(SharedLibraries.fromLdd(ldd, RUNTIME, Set.of("libjvm.so", "libjli.so")))
                .containsExactly(Path.of("/lib/x86_64-linux-gnu/libc.so.6"), Path.of("/lib/x86_64-linux-gnu/libz.so.1"),
                        Path.of("/lib64/ld-linux-x86-64.so.2"));
    }

    @Test
    void refusesALibraryNeitherTheHostNorTheRuntimeHas() {
        String ldd = "/work/target/runtime/lib/libawt_xawt.so:\n\tlibX11.so.6 => not found\n";

        assertThatThrownBy(() -> SharedLibraries.fromLdd(ldd, RUNTIME, Set.of("libjvm.so")))
                .hasMessageContaining("libX11.so.6");
    }
}
