package dev.aispend.system;

import dev.aispend.devstack.Wait;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The services' logs as an operator reads them: JSON lines (LOG_FORMAT unset, as in production). */
final class OperatorLogs {
    static final Set<String> SERVICES = Set.of("ingest-service", "ledger-service", "policy-service", "report-service");
    private static final Set<String> FIELDS = Set.of("timestamp", "level", "logger", "thread", "message");

    private OperatorLogs() {
    }

    /**
     * RunningSystem's extra environment: JSON logs at every service (it sets LOG_FORMAT=text otherwise), and the
     * consumer groups' lag measured every second instead of every 15, so its gauges are there at once.
     */
    static Map<String, Map<String, String>> operatorEnvironment() {
        Map<String, String> environment = Map.of("LOG_FORMAT", "json", "CONSUMER_LAG_REFRESH_INTERVAL", "1s");
        return Map.of("ingest-service", environment, "ledger-service", environment, "policy-service", environment,
                "report-service", environment);
    }

    /** {@link #assertQuiet}, and each service's "Startup completed" among the lines. */
    static void assertCleanStartUp(List<ServiceLogs.Line> startUp) {
        assertThat(startUp).as("start-up lines").hasSizeGreaterThan(SERVICES.size() * 5);
        assertQuiet(startUp);
        for (String service : SERVICES) {
            assertThat(startUp).as(service + " started").anySatisfy(line -> {
                assertThat(line.service()).isEqualTo(service);
                assertThat(line.field("message")).matches("Startup completed in \\d+ms\\. Server Running: .*");
            });
        }
    }

    /** Every line a JSON object with the fields a log shipper reads and a formatted message; no WARN or ERROR. */
    static void assertQuiet(List<ServiceLogs.Line> lines) {
        assertThat(lines).as("lines that are not a JSON object with " + FIELDS)
                .filteredOn(line -> line.json() == null || !FIELDS.stream().allMatch(line.json()::hasNonNull))
                .isEmpty();
        assertThat(lines).as("lines whose message is a template").filteredOn(line ->
                line.field("message").contains("{}")).isEmpty();
        assertThat(lines).as("warnings and errors").filteredOn(line ->
                Set.of("WARN", "ERROR").contains(line.field("level"))).isEmpty();
    }

    /**
     * The lines {@code service} wrote after {@code before} whose message starts with {@code messageStart} (those
     * written while serving the request) are there, and each carries {@code requestId}.
     */
    static void assertLoggedUnderRequestId(ServiceLogs logs, Map<String, Long> before, String service,
                                           String messageStart, String requestId) {
        Wait.until(service + " logging '" + messageStart + "...'", Duration.ofSeconds(10),
                () -> !linesOf(logs, before, service, messageStart).isEmpty());
        assertThat(linesOf(logs, before, service, messageStart)).allSatisfy(line ->
                assertThat(line.field("requestId")).as(line.toString()).isEqualTo(requestId));
    }

    private static List<ServiceLogs.Line> linesOf(ServiceLogs logs, Map<String, Long> before, String service,
                                                  String messageStart) {
        return logs.between(before, logs.mark()).stream()
                .filter(line -> line.service().equals(service) && line.json() != null
                        && line.field("message").startsWith(messageStart))
                .toList();
    }
}
