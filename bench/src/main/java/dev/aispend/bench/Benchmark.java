package dev.aispend.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.aispend.demo.DemoSpec;

import java.lang.management.ManagementFactory;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole benchmark in one run against the system {@code ./run-local} starts (docs/performance.md): this
 * machine's limits (PostgreSQL COPY, the Kafka producer), end to end under the demo's load with checks and policy
 * changes mid-run, one record per request, a paced rate, pre-flight checks, the history rates (verification,
 * re-derivation, replay, rebuild), report queries at 1 and 10 million ledger entries, and the memory of every
 * service. Prints a table and writes every figure as JSON. Asserts nothing: figures only.
 *
 * <p>{@code java -jar bench/target/bench.jar [--phases=limits,load,single,paced,checks,history,reports] ...}
 */
public final class Benchmark {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** The longest wait for the machine to quieten before a phase; the phase then runs regardless, and says so. */
    private static final Duration QUIET_WITHIN = Duration.ofMinutes(3);

    private Benchmark() {
    }

    public static void main(String[] arguments) throws Exception {
        RunOptions options = RunOptions.parse(arguments);
        HttpClient client = BenchHttpClient.create();
        Map<String, Object> output = new LinkedHashMap<>();
        output.put("startedAt", Instant.now().toString());
        output.put("arguments", List.of(arguments));
        output.put("machine", machine());
        long head = LedgerHeadSampler.head(client, options.urls().ledger());
        long seed = options.seed() != null ? options.seed() : DemoSpec.DEFAULT_SEED + head;
        output.put("seed", seed);
        output.put("ledgerHeadAtStart", head);
        output.put("memoryAtStart", ServiceProcesses.memory());
        Summary summary = new Summary();
        Phases phases = new Phases(client, options, output, summary);
        Map<String, QuietMachine.Waited> quietWaits = new LinkedHashMap<>();
        output.put("quietBeforePhase", quietWaits);
        long startNanos = System.nanoTime();
        for (String phase : RunOptions.PHASES) {
            if (options.runs(phase)) {
                QuietMachine.Waited quiet = QuietMachine.await(QUIET_WITHIN);
                System.out.printf("%n== %s (%.0f s into the run; waited %.0f s for the cores to quieten: %.0f %% busy)%n",
                        phase, (System.nanoTime() - startNanos) / 1e9, quiet.seconds(), 100 * quiet.lastBusyShare());
                quietWaits.put(phase, quiet);
                phases.run(phase, seed, Instant.now().truncatedTo(ChronoUnit.SECONDS));
            }
        }
        List<ServiceProcesses.Memory> memory = ServiceProcesses.memory();
        output.put("memoryAtEnd", memory);
        for (ServiceProcesses.Memory process : memory) {
            long bytes = process.peakResidentBytes() > 0 ? process.peakResidentBytes() : process.residentBytes();
            summary.add("resident memory, high-water mark: " + process.name(), bytes / 1048576.0, "MiB",
                    process.name().endsWith("-service") ? Summary.Target.under(512, "< 512 MiB") : null);
        }
        phases.ratios();
        output.put("summary", summary.rows());
        output.put("loadAverageAtEnd", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        output.put("seconds", (System.nanoTime() - startNanos) / 1e9);
        System.out.printf("%n%s", summary.format());
        Path file = Path.of(options.out());
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        JSON.writeValue(file.toFile(), output);
        System.out.printf("%nload average (1 min) %.2f on %d processors; every figure in %s%n",
                output.get("loadAverageAtEnd"), Runtime.getRuntime().availableProcessors(), file.toAbsolutePath());
    }

    private static Map<String, Object> machine() {
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("processors", Runtime.getRuntime().availableProcessors());
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        machine.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        machine.put("loadAverageAtStart", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        return machine;
    }
}
