package dev.aispend.demo;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.List;

/**
 * Claude Code's telemetry in OTLP/HTTP JSON (FORMATS.md, docs/otlp.md): per session-hour one export with the DELTA
 * {@code claude_code.token.usage} points (input, output, cacheRead, cacheCreation) and, in a session's first hour,
 * {@code claude_code.session.count}; per call an {@code claude_code.api_request} log event with string values.
 * {@code OTEL_RESOURCE_ATTRIBUTES} (team.id, cost_center, purpose) are copied onto every point, as Claude Code does.
 */
final class OtlpJson {
    static final String SCOPE = "com.anthropic.claude_code";
    static final String VERSION = "2.0.37";
    static final String ORGANIZATION = "7c3b2d9e-acme-4f00-9a00-000000000001";

    private OtlpJson() {
    }

    static byte[] metrics(List<Use> exports) {
        ArrayNode resources = Json.array();
        for (Use use : exports) {
            ObjectNode scope = Json.object();
            scope.putObject("scope").put("name", SCOPE).put("version", VERSION);
            ArrayNode metrics = scope.putArray("metrics");
            ArrayNode tokens = sum(metrics, "claude_code.token.usage", "tokens");
            point(tokens, use, "input", use.tokens().input());
            point(tokens, use, "output", use.tokens().output());
            point(tokens, use, "cacheRead", use.tokens().cacheRead());
            point(tokens, use, "cacheCreation", use.tokens().cacheWrite5m());
            if (use.sessionStart()) {
                ObjectNode session = sum(metrics, "claude_code.session.count", "count").addObject();
                common(session.putArray("attributes"), use);
                times(session, use.start(), use.start().plusSeconds(1)).put("asDouble", 1);
            }
            ObjectNode resource = resources.addObject();
            resource.set("resource", resource(use));
            resource.putArray("scopeMetrics").add(scope);
        }
        ObjectNode root = Json.object();
        root.set("resourceMetrics", resources);
        return Json.bytes(root);
    }

    static byte[] logs(List<Use> calls, List<Tokens> halves) {
        ArrayNode resources = Json.array();
        for (int index = 0; index < calls.size(); index++) {
            Use use = calls.get(index);
            Tokens tokens = halves.get(index);
            Instant at = index % 2 == 0 ? use.start().plusSeconds(1500) : use.end().minusSeconds(60);
            ObjectNode record = Json.object();
            record.put("timeUnixNano", nanos(at)).put("observedTimeUnixNano", nanos(at));
            record.putObject("body").put("stringValue", "claude_code.api_request");
            ArrayNode attributes = record.putArray("attributes");
            common(attributes, use);
            string(attributes, "event.name", "api_request");
            string(attributes, "event.timestamp", at.toString());
            string(attributes, "event.sequence", Integer.toString(index % 2));
            string(attributes, "request_id", "req_" + use.id().replace('-', '_') + "_" + index % 2);
            string(attributes, "input_tokens", Long.toString(tokens.input()));
            string(attributes, "output_tokens", Long.toString(tokens.output()));
            string(attributes, "cache_read_tokens", Long.toString(tokens.cacheRead()));
            string(attributes, "cache_creation_tokens", Long.toString(tokens.cacheWrite5m()));
            string(attributes, "cost_usd", Json.dollars(Prices.of(use.model()).cost(tokens)).toPlainString());
            string(attributes, "duration_ms", Long.toString(4000 + tokens.output() / 10));
            ObjectNode resource = resources.addObject();
            resource.set("resource", resource(use));
            ObjectNode scope = resource.putArray("scopeLogs").addObject();
            scope.putObject("scope").put("name", SCOPE).put("version", VERSION);
            scope.putArray("logRecords").add(record);
        }
        ObjectNode root = Json.object();
        root.set("resourceLogs", resources);
        return Json.bytes(root);
    }

    private static ArrayNode sum(ArrayNode metrics, String name, String unit) {
        ObjectNode metric = metrics.addObject().put("name", name).put("unit", unit);
        ObjectNode sum = metric.putObject("sum").put("aggregationTemporality", 1).put("isMonotonic", true);
        return sum.putArray("dataPoints");
    }

    private static void point(ArrayNode points, Use use, String type, long value) {
        if (value == 0) {
            return;
        }
        ObjectNode point = points.addObject();
        ArrayNode attributes = point.putArray("attributes");
        common(attributes, use);
        string(attributes, "type", type);
        times(point, use.start(), use.end()).put("asDouble", value);
    }

    /** What every point and event of Claude Code carries, and the resource attributes copied onto each. */
    private static void common(ArrayNode attributes, Use use) {
        Person person = use.person();
        string(attributes, "session.id", use.sessionId());
        string(attributes, "organization.id", ORGANIZATION);
        string(attributes, "user.account_uuid", person.accountUuid());
        string(attributes, "user.id", Roster.uuid(0, "installation", person.accountUuid()).toString().replace("-", ""));
        string(attributes, "terminal.type", person.accountUuid().charAt(0) < '8' ? "vscode" : "iTerm.app");
        string(attributes, "model", use.model());
        string(attributes, "team.id", person.team().name());
        string(attributes, "cost_center", person.team().costCenter());
        string(attributes, "purpose", use.purpose());
    }

    private static ObjectNode resource(Use use) {
        ObjectNode resource = Json.object();
        ArrayNode attributes = resource.putArray("attributes");
        string(attributes, "service.name", "claude-code");
        string(attributes, "service.version", VERSION);
        string(attributes, "os.type", use.person().accountUuid().charAt(1) < '8' ? "darwin" : "linux");
        string(attributes, "host.arch", use.person().accountUuid().charAt(2) < '8' ? "arm64" : "amd64");
        return resource;
    }

    private static ObjectNode times(ObjectNode node, Instant start, Instant end) {
        return node.put("startTimeUnixNano", nanos(start)).put("timeUnixNano", nanos(end));
    }

    private static void string(ArrayNode attributes, String key, String value) {
        attributes.addObject().put("key", key).putObject("value").put("stringValue", value);
    }

    static String nanos(Instant instant) {
        return instant.getEpochSecond() + String.format("%09d", instant.getNano());
    }
}
