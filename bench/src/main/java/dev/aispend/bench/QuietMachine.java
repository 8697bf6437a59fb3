package dev.aispend.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Waits, before a phase, until this machine's cores are nearly idle: the services catch up after a phase (the
 * projections following ledger.v1, the report's sums) for seconds to minutes after the benchmark saw its records,
 * and a phase measured over that work measures both (a check phase started right after a paced load met a load
 * average of 12). Reads /proc/stat: busy share of all cores over two-second windows, below 25 % counts as quiet;
 * bounded, and the wait and the last share go into the figures.
 */
final class QuietMachine {
    private static final Duration WINDOW = Duration.ofSeconds(2);
    private static final double QUIET_BUSY_SHARE = 0.25;

    /** How long the wait took and how busy the cores were in the last window. */
    record Waited(double seconds, double lastBusyShare, boolean quiet) {
    }

    private QuietMachine() {
    }

    static Waited await(Duration atMost) throws IOException, InterruptedException {
        long start = System.nanoTime();
        long deadline = start + atMost.toNanos();
        long[] before = cpuTimes();
        double busy = 1;
        while (System.nanoTime() < deadline) {
            // One measuring window: the busy share is only defined over an interval.
            Thread.sleep(WINDOW.toMillis());
            long[] after = cpuTimes();
            busy = busyShare(before, after);
            before = after;
            if (busy < QUIET_BUSY_SHARE) {
                return new Waited((System.nanoTime() - start) / 1e9, busy, true);
            }
        }
        return new Waited((System.nanoTime() - start) / 1e9, busy, false);
    }

    /** The first line of /proc/stat: user nice system idle iowait irq softirq steal, in clock ticks. */
    static long[] cpuTimes() throws IOException {
        return parse(Files.readAllLines(Path.of("/proc/stat")).get(0));
    }

    static long[] parse(String cpuLine) {
        String[] fields = cpuLine.trim().split("\\s+");
        if (!fields[0].equals("cpu") || fields.length < 9) {
            throw new IllegalArgumentException("not the cpu line of /proc/stat: " + cpuLine);
        }
        long[] ticks = new long[8];
        for (int index = 0; index < ticks.length; index++) {
            ticks[index] = Long.parseLong(fields[index + 1]);
        }
        return ticks;
    }

    /** Share of the ticks between two readings spent neither idle nor waiting for I/O. */
    static double busyShare(long[] before, long[] after) {
        long total = 0;
        long idle = 0;
        for (int index = 0; index < before.length; index++) {
            long delta = after[index] - before[index];
            total += delta;
            if (index == 3 || index == 4) {
                idle += delta;
            }
        }
        return total == 0 ? 0 : (total - idle) / (double) total;
    }
}
