package dev.aispend.bench;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * JFR profiles of the services during one phase of a benchmark: started and stopped with {@code jcmd} (the JDK's
 * own, no agent in the services), then read back as where the CPU samples fell and how long GC paused.
 */
public final class Profiles {
    static final int TOP_METHODS = 12;
    private static final int FORMATTED_METHODS = 8;
    /**
     * Named after this process: a service takes two recordings of one name, and JFR.stop by that name would stop
     * whichever it finds first, a recording an earlier run left behind as well as ours.
     */
    private static final String RECORDING_NAME = "bench-" + ProcessHandle.current().pid();
    private static final String OWN_CLASS_PREFIX = "dev.aispend.";
    private static final long JCMD_TIMEOUT_SECONDS = 60;
    /** What one service's recording may keep on disk: a long phase drops its oldest samples rather than fill it. */
    private static final String MAX_RECORDING_SIZE = "256m";

    public record HotMethod(String method, long samples, double share) {
    }

    /**
     * @param topFrames    the methods the samples were executing (the leaf frame)
     * @param topOwnFrames the methods of ours (dev.aispend) the samples were under: the first such frame from the leaf
     */
    public record ServiceProfile(String service, Path file, long samples, List<HotMethod> topFrames,
                                 List<HotMethod> topOwnFrames, double gcPauseMillis, long gcPauses) {
    }

    private final Path jcmd;
    private final Map<String, Long> pidsByService;
    /** The recordings started and not yet stopped. */
    private final Map<String, Path> filesByService = new LinkedHashMap<>();

    private Profiles(Path jcmd, Map<String, Long> pidsByService) {
        this.jcmd = jcmd;
        this.pidsByService = Map.copyOf(pidsByService);
    }

    /** Starts a recording (settings=profile) in each service, to {@code <directory>/<service>.jfr}. */
    public static Profiles start(Map<String, Long> pidsByService, Path directory) {
        Profiles profiles = new Profiles(jcmd(), pidsByService);
        Map<String, Path> files = new LinkedHashMap<>();
        pidsByService.keySet().forEach(service -> files.put(service,
                directory.toAbsolutePath().resolve(service + ".jfr")));
        prepare(directory.toAbsolutePath(), files.values());
        for (Map.Entry<String, Path> service : files.entrySet()) {
            try {
                profiles.run(service.getKey(), List.of("JFR.start", "name=" + RECORDING_NAME, "settings=profile",
                        "maxsize=" + MAX_RECORDING_SIZE, "filename=" + service.getValue()), "Started recording");
            } catch (RuntimeException failure) {
                try {
                    profiles.stop(); // the recordings already started must not run on
                } catch (RuntimeException alsoFailed) {
                    failure.addSuppressed(alsoFailed);
                }
                throw failure;
            }
            profiles.filesByService.put(service.getKey(), service.getValue());
        }
        return profiles;
    }

    /** Creates the directory and deletes an earlier run's files: they must not pass for this run's if not written. */
    private static void prepare(Path directory, Collection<Path> files) {
        try {
            Files.createDirectories(directory);
            for (Path file : files) {
                Files.deleteIfExists(file);
            }
        } catch (IOException failure) {
            throw new UncheckedIOException("could not prepare " + directory + " for the profiles", failure);
        }
    }

    /**
     * Stops every recording (each service writes its file), then reads the files; fails, once every recording was
     * asked to stop, if one could not be stopped or read.
     */
    public List<ServiceProfile> stop() {
        List<String> failures = new ArrayList<>();
        Map<String, Path> stopped = new LinkedHashMap<>();
        for (Map.Entry<String, Path> service : filesByService.entrySet()) {
            try {
                run(service.getKey(), List.of("JFR.stop", "name=" + RECORDING_NAME), "Stopped recording");
                stopped.put(service.getKey(), service.getValue());
            } catch (RuntimeException failure) {
                failures.add(service.getKey() + ": " + failure.getMessage());
            }
        }
        filesByService.clear();
        List<ServiceProfile> profiles = new ArrayList<>();
        for (Map.Entry<String, Path> service : stopped.entrySet()) {
            try {
                profiles.add(read(service.getKey(), service.getValue()));
            } catch (RuntimeException failure) {
                failures.add(service.getKey() + ": " + failure.getMessage());
            }
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException("profiles could not be stopped or read: " + String.join("; ", failures));
        }
        return profiles;
    }

    static ServiceProfile read(String service, Path file) {
        FrameCounts counts = new FrameCounts();
        long gcPauses = 0;
        long gcPauseNanos = 0;
        try (RecordingFile recording = new RecordingFile(file)) {
            while (recording.hasMoreEvents()) {
                RecordedEvent event = recording.readEvent();
                String type = event.getEventType().getName();
                if (type.equals("jdk.ExecutionSample") && event.getStackTrace() != null) {
                    counts.add(methodNames(event.getStackTrace()));
                } else if (type.equals("jdk.GarbageCollection")) {
                    gcPauses++;
                    gcPauseNanos += (event.hasField("sumOfPauses") ? event.getDuration("sumOfPauses")
                            : event.getDuration()).toNanos();
                }
            }
        } catch (IOException failure) {
            throw new UncheckedIOException("could not read " + file, failure);
        }
        return new ServiceProfile(service, file, counts.samples(), counts.topFrames(TOP_METHODS),
                counts.topOwnFrames(TOP_METHODS), gcPauseNanos / 1e6, gcPauses);
    }

    /** The frames' method names, leaf first, named only when looked at (most samples need a few). */
    private static List<String> methodNames(RecordedStackTrace stack) {
        List<RecordedFrame> frames = stack.getFrames();
        return new AbstractList<>() {
            @Override
            public String get(int index) {
                RecordedFrame frame = frames.get(index);
                return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
            }

            @Override
            public int size() {
                return frames.size();
            }
        };
    }

    /** Sample counts by leaf method and by the first of our methods from the leaf; pure, for the tests. */
    static final class FrameCounts {
        private final Map<String, Long> leafCounts = new HashMap<>();
        private final Map<String, Long> ownCounts = new HashMap<>();
        private long samples;

        void add(List<String> methodsFromLeaf) {
            samples++;
            if (methodsFromLeaf.isEmpty()) {
                return;
            }
            leafCounts.merge(methodsFromLeaf.get(0), 1L, Long::sum);
            for (String method : methodsFromLeaf) {
                if (method.startsWith(OWN_CLASS_PREFIX)) {
                    ownCounts.merge(method, 1L, Long::sum);
                    return;
                }
            }
        }

        long samples() {
            return samples;
        }

        List<HotMethod> topFrames(int limit) {
            return top(leafCounts, samples, limit);
        }

        List<HotMethod> topOwnFrames(int limit) {
            return top(ownCounts, samples, limit);
        }
    }

    /** The {@code limit} most sampled, most first (ties by name); shares are of all samples. */
    static List<HotMethod> top(Map<String, Long> counts, long totalSamples, int limit) {
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(limit)
                .map(entry -> new HotMethod(entry.getKey(), entry.getValue(), (double) entry.getValue() / totalSamples))
                .toList();
    }

    /** Per service: its samples, its GC pauses, and the first methods of each list with their shares. */
    public static String format(List<ServiceProfile> profiles) {
        StringBuilder text = new StringBuilder();
        for (ServiceProfile profile : profiles) {
            text.append(String.format("%s: %,d CPU samples, GC %,d pauses %.1f ms in all (%s)%n", profile.service(),
                    profile.samples(), profile.gcPauses(), profile.gcPauseMillis(), profile.file()));
            appendMethods(text, "executing (leaf frame)", profile.topFrames());
            appendMethods(text, "under our code (first dev.aispend frame)", profile.topOwnFrames());
        }
        return text.toString();
    }

    private static void appendMethods(StringBuilder text, String title, List<HotMethod> methods) {
        text.append("  ").append(title).append(methods.isEmpty() ? ": none" : ":").append(System.lineSeparator());
        for (HotMethod method : methods.stream().limit(FORMATTED_METHODS).toList()) {
            text.append(String.format("    %5.1f%%  %,7d  %s%n", method.share() * 100, method.samples(),
                    method.method()));
        }
    }

    /**
     * Runs {@code jcmd <pid> <command...>}, failing unless it says {@code expected}: jcmd exits 0 when the command
     * itself failed ("Could not stop recording").
     */
    private void run(String service, List<String> command, String expected) {
        List<String> line = new ArrayList<>(List.of(jcmd.toString(), Long.toString(pidsByService.get(service))));
        line.addAll(command);
        try {
            // The output goes to a file, not a pipe: a jcmd that hangs cannot then hang the read as well.
            Path output = Files.createTempFile("bench-jcmd-", ".txt");
            output.toFile().deleteOnExit();
            Process process = new ProcessBuilder(line).redirectErrorStream(true).redirectOutput(output.toFile()).start();
            if (!process.waitFor(JCMD_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", line) + " took over " + JCMD_TIMEOUT_SECONDS + " s");
            }
            String said = Files.readString(output).strip();
            Files.delete(output);
            if (process.exitValue() != 0 || !said.contains(expected)) {
                throw new IllegalStateException(String.join(" ", line) + " failed (exit " + process.exitValue()
                        + "): " + said);
            }
        } catch (IOException failure) {
            throw new UncheckedIOException("could not run " + String.join(" ", line), failure);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running jcmd", interrupted);
        }
    }

    /** The running JDK's jcmd: the services run on the same JDK as the launcher and, normally, the benchmark. */
    private static Path jcmd() {
        Path java = Path.of(ProcessHandle.current().info().command()
                .orElseGet(() -> Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        Path jcmd = java.resolveSibling("jcmd");
        if (!Files.isExecutable(jcmd)) {
            throw new IllegalStateException("no jcmd beside " + java + " (" + jcmd + "): profiling needs a full JDK,"
                    + " not a JRE");
        }
        return jcmd;
    }
}
