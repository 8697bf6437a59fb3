package dev.aispend.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The processes of the local system ({@code ./run-local}) on this machine, found through Linux's /proc, and the
 * memory they hold: the four services and the Kafka broker (JVMs the launcher forked) and PostgreSQL (the embedded
 * binaries, a postmaster and one process per connection).
 */
public final class ServiceProcesses {
    static final List<String> SERVICES = List.of("ingest-service", "ledger-service", "policy-service",
            "report-service");
    static final String BROKER = "kafka";
    static final String DATABASE = "postgresql";
    private static final String LAUNCHER_MAIN_CLASS = "dev.aispend.devstack.LocalSystem";
    private static final String BROKER_MAIN_CLASS = "kafka.Kafka";
    private static final String POSTGRES_COMMAND = "postgres";
    private static final long BYTES_PER_KILOBYTE = 1024;
    private static final Path PROC = Path.of("/proc");

    /**
     * @param peakResidentBytes the high-water mark of the resident set; -1 when unknown (PostgreSQL: its processes
     *                          come and go with connections, and their peaks were not at the same moment)
     * @param how               where the figures come from, for the printed table
     */
    public record Memory(String name, List<Long> pids, long residentBytes, long peakResidentBytes, String how) {
        public Memory {
            pids = List.copyOf(pids);
        }
    }

    private ServiceProcesses() {
    }

    /**
     * The pid of each running service and of the broker ({@link #BROKER}), in that order; what is not running is
     * absent. If one service runs twice (a second instance started by hand), the lower pid is taken: the first
     * started, normally the launcher's own.
     */
    public static Map<String, Long> servicePids() {
        List<ProcessHandle> candidates = localSystemProcesses();
        Map<String, Long> pids = new LinkedHashMap<>();
        for (String service : SERVICES) {
            first(candidates, handle -> service.equals(serviceOf(arguments(handle))))
                    .ifPresent(handle -> pids.put(service, handle.pid()));
        }
        first(candidates, handle -> isBroker(arguments(handle))).ifPresent(handle -> pids.put(BROKER, handle.pid()));
        return pids;
    }

    /**
     * Memory of each service and the broker (VmRSS and VmHWM of their JVM) and of PostgreSQL: the PSS of all its
     * processes summed, because their RSS each count the shared buffers again. A process that exits while it is
     * read is left out.
     */
    public static List<Memory> memory() {
        List<Memory> memory = new ArrayList<>();
        for (Map.Entry<String, Long> entry : servicePids().entrySet()) {
            long pid = entry.getValue();
            Optional<String> status = readProc(pid, "status");
            status.ifPresent(text -> memory.add(new Memory(entry.getKey(), List.of(pid),
                    kilobyteField(text, "VmRSS") * BYTES_PER_KILOBYTE,
                    kilobyteField(text, "VmHWM") * BYTES_PER_KILOBYTE, "VmRSS/VmHWM")));
        }
        postgresMemory().ifPresent(memory::add);
        return memory;
    }

    private static Optional<Memory> postgresMemory() {
        List<Long> read = new ArrayList<>();
        long pssBytes = 0;
        for (ProcessHandle handle : postgresProcesses()) {
            Optional<String> rollup = readProc(handle.pid(), "smaps_rollup");
            if (rollup.isPresent()) {
                pssBytes += kilobyteField(rollup.get(), "Pss") * BYTES_PER_KILOBYTE;
                read.add(handle.pid());
            }
        }
        return read.isEmpty() ? Optional.empty() : Optional.of(new Memory(DATABASE, read, pssBytes, -1,
                "PSS sum of " + read.size() + " processes"));
    }

    /**
     * The postmaster whose data directory is the launcher's (beside the broker's: both live in --data-dir) and
     * every process under it; when that cannot be told (no broker, or another layout), every postgres process.
     */
    private static List<ProcessHandle> postgresProcesses() {
        List<ProcessHandle> postgres = sortedByPid(ProcessHandle.allProcesses()).stream()
                .filter(handle -> isCommand(handle, POSTGRES_COMMAND)).toList();
        Optional<Path> expectedDataDirectory = first(localSystemProcesses(), handle -> isBroker(arguments(handle)))
                .flatMap(broker -> brokerDataDirectory(arguments(broker)))
                .map(directory -> directory.resolve("postgres"));
        Optional<ProcessHandle> postmaster = expectedDataDirectory.flatMap(expected -> first(postgres,
                handle -> postgresDataDirectory(arguments(handle)).map(expected::equals).orElse(false)));
        if (postmaster.isEmpty()) {
            return postgres;
        }
        List<ProcessHandle> family = new ArrayList<>(List.of(postmaster.get()));
        family.addAll(sortedByPid(postmaster.get().descendants()).stream()
                .filter(handle -> isCommand(handle, POSTGRES_COMMAND)).toList());
        return family;
    }

    /**
     * Whatever the launcher forked, when a launcher runs: a test's broker or service elsewhere on the machine is
     * not the system being measured. Without a launcher (the system started some other way), every process.
     */
    private static List<ProcessHandle> localSystemProcesses() {
        List<ProcessHandle> all = sortedByPid(ProcessHandle.allProcesses());
        return first(all, handle -> arguments(handle).contains(LAUNCHER_MAIN_CLASS))
                .map(launcher -> sortedByPid(launcher.descendants()))
                .orElse(all);
    }

    /** The service a command line runs ({@code java ... -jar <repository>/<service>/target/<service>.jar}), or null. */
    static String serviceOf(List<String> arguments) {
        int jar = arguments.indexOf("-jar");
        if (jar < 0 || jar + 1 >= arguments.size()) {
            return null;
        }
        String jarFile = Path.of(arguments.get(jar + 1)).getFileName().toString();
        return SERVICES.stream().filter(service -> jarFile.equals(service + ".jar")).findFirst().orElse(null);
    }

    static boolean isBroker(List<String> arguments) {
        return arguments.contains(BROKER_MAIN_CLASS);
    }

    /** The launcher's data directory from the broker's {@code kafka.Kafka <data-dir>/kafka/server.properties}. */
    static Optional<Path> brokerDataDirectory(List<String> arguments) {
        int mainClass = arguments.indexOf(BROKER_MAIN_CLASS);
        if (mainClass < 0 || mainClass + 1 >= arguments.size()) {
            return Optional.empty();
        }
        Path kafkaDirectory = Path.of(arguments.get(mainClass + 1)).toAbsolutePath().normalize().getParent();
        return Optional.ofNullable(kafkaDirectory == null ? null : kafkaDirectory.getParent());
    }

    /** A postmaster's data directory: {@code -D <dir>} or {@code -D<dir>}. */
    static Optional<Path> postgresDataDirectory(List<String> arguments) {
        for (int index = 0; index < arguments.size(); index++) {
            String argument = arguments.get(index);
            if (argument.equals("-D") && index + 1 < arguments.size()) {
                return Optional.of(Path.of(arguments.get(index + 1)).toAbsolutePath().normalize());
            }
            if (argument.startsWith("-D") && argument.length() > 2 && argument.charAt(2) == '/') {
                return Optional.of(Path.of(argument.substring(2)).normalize());
            }
        }
        return Optional.empty();
    }

    /**
     * A field of /proc/<pid>/status or /proc/<pid>/smaps_rollup in kilobytes ({@code VmRSS:\t  283196 kB}); the
     * field's name must match exactly (Pss, not Pss_Anon).
     */
    static long kilobyteField(String procText, String field) {
        String prefix = field + ":";
        for (String line : procText.split("\n")) {
            if (line.startsWith(prefix)) {
                String[] parts = line.substring(prefix.length()).trim().split("\\s+");
                if (parts.length != 2 || !parts[1].equals("kB")) {
                    throw new IllegalArgumentException("unexpected " + field + " line: " + line);
                }
                return Long.parseLong(parts[0]);
            }
        }
        throw new IllegalArgumentException("no " + field + " in the text read from /proc");
    }

    private static Optional<String> readProc(long pid, String file) {
        try {
            // Decoded leniently: a command line may hold bytes that are not UTF-8.
            return Optional.of(new String(Files.readAllBytes(PROC.resolve(Long.toString(pid)).resolve(file)),
                    StandardCharsets.UTF_8));
        } catch (NoSuchFileException exited) {
            return Optional.empty();
        } catch (IOException failure) {
            throw new UncheckedIOException("could not read /proc/" + pid + "/" + file, failure);
        }
    }

    /**
     * Read from /proc/<pid>/cmdline, not {@code ProcessHandle.info().arguments()}: the JDK reads at most 4 KB of a
     * command line and gives no arguments beyond that, and the broker's classpath alone is longer.
     */
    private static List<String> arguments(ProcessHandle handle) {
        try {
            return readProc(handle.pid(), "cmdline").map(ServiceProcesses::commandLineArguments).orElse(List.of());
        } catch (UncheckedIOException unreadable) {
            return List.of(); // another user's process, which is not ours to measure
        }
    }

    /** The NUL-separated words of /proc/<pid>/cmdline, the program first. */
    static List<String> commandLineArguments(String cmdline) {
        return cmdline.isEmpty() ? List.of() : List.of(cmdline.split("\0"));
    }

    private static boolean isCommand(ProcessHandle handle, String name) {
        return handle.info().command().map(command -> Path.of(command).getFileName().toString().equals(name))
                .orElse(false);
    }

    private static Optional<ProcessHandle> first(List<ProcessHandle> handles, Predicate<ProcessHandle> matches) {
        return handles.stream().filter(matches).findFirst();
    }

    private static List<ProcessHandle> sortedByPid(Stream<ProcessHandle> handles) {
        return handles.sorted(Comparator.comparingLong(ProcessHandle::pid)).toList();
    }
}
