package dev.aispend.bench;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Telling the local system's processes by their command lines, and reading their memory from /proc texts. */
class ServiceProcessesTest {
    /** /proc/<pid>/status of a service JVM, abridged. */
    private static final String STATUS = """
            Name:\tjava
            Umask:\t0022
            State:\tS (sleeping)
            Tgid:\t3051
            Pid:\t3051
            VmPeak:\t 3894504 kB
            VmSize:\t 3828968 kB
            VmLck:\t       0 kB
            VmHWM:\t  283196 kB
            VmRSS:\t  260464 kB
            RssAnon:\t  236512 kB
            Threads:\t42
            """;
    /** /proc/<pid>/smaps_rollup of a PostgreSQL checkpointer. */
    private static final String SMAPS_ROLLUP = """
            5618fda00000-7ffdcdc66000 ---p 00000000 00:00 0                          [rollup]
            Rss:               11980 kB
            Pss:                 563 kB
            Pss_Dirty:           343 kB
            Pss_Anon:            320 kB
            Pss_File:            219 kB
            Pss_Shmem:            22 kB
            Shared_Clean:      10220 kB
            Private_Dirty:       280 kB
            Swap:                  0 kB
            SwapPss:               0 kB
            """;

    @Test
    void readsResidentAndPeakFromStatus() {
        assertThat(ServiceProcesses.kilobyteField(STATUS, "VmRSS")).isEqualTo(260_464);
        assertThat(ServiceProcesses.kilobyteField(STATUS, "VmHWM")).isEqualTo(283_196);
    }

    @Test
    void readsProportionalSetSizeNotItsParts() {
        assertThat(ServiceProcesses.kilobyteField(SMAPS_ROLLUP, "Pss")).isEqualTo(563);
    }

    @Test
    void refusesTextWithoutTheField() {
        assertThatThrownBy(() -> ServiceProcesses.kilobyteField(STATUS, "Pss"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Pss");
    }

    @Test
    void refusesAFieldInAnotherUnit() {
        assertThatThrownBy(() -> ServiceProcesses.kilobyteField("VmRSS:\t 12 MB\n", "VmRSS"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void splitsACommandLineAtItsNuls() {
        String cmdline = "/usr/bin/java\0-Xmx512m\0-jar\0/repo/report-service/target/report-service.jar\0";

        List<String> arguments = ServiceProcesses.commandLineArguments(cmdline);

        assertThat(arguments).containsExactly("/usr/bin/java", "-Xmx512m", "-jar",
                "/repo/report-service/target/report-service.jar");
        assertThat(ServiceProcesses.serviceOf(arguments)).isEqualTo("report-service");
        assertThat(ServiceProcesses.commandLineArguments("")).isEmpty();
    }

    @Test
    void namesTheServiceAJarRuns() {
        List<String> ledger = List.of("-Xmx512m", "-XX:+UseG1GC", "-XX:+ExitOnOutOfMemoryError",
                "-Ddisable-axoniq-console-message=true", "-jar", "/work/main/ledger-service/target/ledger-service.jar");
        assertThat(ServiceProcesses.serviceOf(ledger)).isEqualTo("ledger-service");
    }

    @Test
    void namesNoServiceForOtherJavaProcesses() {
        assertThat(ServiceProcesses.serviceOf(List.of("-jar", "/opt/ledger-service-tools.jar"))).isNull();
        assertThat(ServiceProcesses.serviceOf(List.of("-cp", "bench.jar", "dev.aispend.bench.Main"))).isNull();
        assertThat(ServiceProcesses.serviceOf(List.of("-jar"))).isNull();
    }

    @Test
    void findsTheDataDirectoryFromTheBrokersProperties() {
        List<String> broker = List.of("-Xms256m", "-cp", "/root/.m2/kafka_2.13-4.2.0.jar:/root/.m2/x.jar",
                "kafka.Kafka", "/work/main/data/kafka/server.properties");
        assertThat(ServiceProcesses.isBroker(broker)).isTrue();
        assertThat(ServiceProcesses.brokerDataDirectory(broker)).contains(Path.of("/work/main/data"));
        assertThat(ServiceProcesses.isBroker(List.of("-jar", "ingest-service.jar"))).isFalse();
    }

    @Test
    void readsThePostmastersDataDirectoryInEitherForm() {
        List<String> separate = List.of("-D", "/work/main/data/postgres", "-p", "5433", "-F");
        assertThat(ServiceProcesses.postgresDataDirectory(separate)).contains(Path.of("/work/main/data/postgres"));
        assertThat(ServiceProcesses.postgresDataDirectory(List.of("-D/srv/pg/../pg17")))
                .contains(Path.of("/srv/pg17"));
        assertThat(ServiceProcesses.postgresDataDirectory(List.of("-c", "fsync=on"))).isEmpty();
    }
}
