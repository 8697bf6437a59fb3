package dev.aispend.system;

import dev.aispend.testsupport.security.TestIssuer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aispend.devstack.Wait;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A report rebuild through the real ledger: report-service asks ledger-service for a replay, rebuilds every read
 * model into a fresh generation, switches to it once caught up, and finds its digests equal to the generation it
 * replaced at that one's last position; reports as of an earlier position answer the same figures after the
 * rebuild; spend recorded after the switch reaches the new generation.
 */
class ReportRebuildIT {
    private static final Duration WITHIN = Duration.ofSeconds(120);
    private static RunningSystem system;

    @BeforeAll
    static void startSystem() {
        system = RunningSystem.start("rebuild");
    }

    @AfterAll
    static void stopSystem() {
        if (system != null) {
            system.close();
        }
    }

    @Test
    void rebuilds_from_a_replay_to_the_same_digests_and_keeps_every_as_of_answer() {
        for (int index = 1; index <= 12; index++) {
            assertThat(postUsage("rb-" + index, index % 3 == 0 ? "research" : "platform",
                    "2026-11-%02dT09:00:00Z".formatted(index), "user" + (index % 4) + "@example.com",
                    1000L * index).status()).isEqualTo(202);
        }
        // Usage of someone the directory does not know yet, then the directory entry that re-attributes it.
        assertThat(postUsage("rb-new", null, "2026-11-13T09:00:00Z", "newcomer", 500).status())
                .isEqualTo(202);
        long unattributedAt = awaitReportAtHead();
        assertThat(JsonHttp.post(system.url("ingest-service") + "/v1/directory/people", """
                {"person": "newcomer", "team": "research", "validFrom": "2026-11-01T00:00:00Z"}""")
                .status()).isIn(200, 201);
        Wait.until("the link recorded by the ledger", WITHIN, () -> JsonHttp.get(system.url("ledger-service")
                + "/v1/ledger/head").body().get("lastPosition").asLong() > unattributedAt);
        long before = awaitReportAtHead();
        assertThat(before).isGreaterThan(unattributedAt);
        String spendUrl = report("/v1/reports/spend?from=2026-11-01&to=2026-11-30&groupBy=team,personRef");
        JsonNode served = JsonHttp.get(spendUrl + "&asOf=" + unattributedAt).body();
        JsonNode servedNow = JsonHttp.get(spendUrl).body();
        JsonNode digestsBefore = JsonHttp.get(report("/v1/reports/digests")).body();

        JsonHttp.Response started = JsonHttp.send("POST", report("/v1/reports/rebuilds"), "{}",
                "Authorization", TestIssuer.bearerFor("compliance"));
        assertThat(started.status()).isEqualTo(202);
        int generation = started.body().get("generation").asInt();
        Wait.until("rebuilt generation " + generation + " serving and compared", WITHIN, () -> {
            JsonNode progress = JsonHttp.get(report("/v1/reports/rebuilds/" + generation)).body();
            return progress.get("state").asText().equals("ACTIVE") && progress.hasNonNull("comparison");
        });

        JsonNode progress = JsonHttp.get(report("/v1/reports/rebuilds/" + generation)).body();
        assertThat(progress.at("/comparison/equal").asBoolean()).as(progress.toString()).isTrue();
        assertThat(progress.get("startedBy").asText()).isEqualTo("compliance");
        // The ledger recorded the rebuild's replay: asked by report-service, naming whom it was asked for.
        JsonNode replays = JsonHttp.get(system.url("ledger-service")
                + "/v1/ledger/entries?eventType=ReplayRequested").body().get("entries");
        assertThat(replays).isNotEmpty();
        JsonNode replay = replays.get(replays.size() - 1).get("payload");
        assertThat(replay.get("reason").asText()).as(replay.toString())
                .isEqualTo("rebuild of the report read models into generation " + generation
                        + ", started by compliance");
        assertThat(replay.get("actor").asText()).isEqualTo("report-service");
        long compared = progress.at("/comparison/position").asLong();
        assertThat(compared).isGreaterThanOrEqualTo(before);
        JsonNode rebuiltDigests = JsonHttp.get(report("/v1/reports/digests?asOf=" + before)).body();
        assertThat(rebuiltDigests.get("readModels")).isEqualTo(digestsBefore.get("readModels"));
        assertThat(rebuiltDigests.at("/asOf/generation").asInt()).isEqualTo(generation);
        assertThat(figures(JsonHttp.get(spendUrl + "&asOf=" + unattributedAt).body())).isEqualTo(figures(served));
        assertThat(figures(JsonHttp.get(spendUrl + "&asOf=" + before).body())).isEqualTo(figures(servedNow));

        long switchedAt = awaitReportAtHead();
        assertThat(postUsage("rb-after", "platform", "2026-11-20T09:00:00Z", "user1@example.com", 7000).status())
                .isEqualTo(202);
        // 202 means Kafka has it; the ledger records it a moment later: wait for that before waiting on reports.
        Wait.until("the usage recorded by the ledger", WITHIN, () -> JsonHttp.get(system.url("ledger-service")
                + "/v1/ledger/head").body().get("lastPosition").asLong() > switchedAt);
        awaitReportAtHead();
        JsonNode after = JsonHttp.get(report("/v1/reports/spend?from=2026-11-20&to=2026-11-20")).body();
        assertThat(after.at("/totals/tokens/input").asLong()).isEqualTo(7000);
        assertThat(after.at("/asOf/generation").asInt()).isEqualTo(generation);
    }

    /** The answer without what had been applied beyond it, which grows while the answer stays. */
    private static JsonNode figures(JsonNode report) {
        JsonNode copy = report.deepCopy();
        ((ObjectNode) copy.get("asOf")).remove("appliedPosition");
        ((ObjectNode) copy.get("asOf")).remove("generation");
        return copy;
    }

    private static long awaitReportAtHead() {
        Wait.until("ledger published everything", WITHIN, () -> {
            JsonNode head = JsonHttp.get(system.url("ledger-service") + "/v1/ledger/head").body();
            return head.get("lastPublishedPosition").asLong() == head.get("lastPosition").asLong();
        });
        long head = JsonHttp.get(system.url("ledger-service") + "/v1/ledger/head").body().get("lastPosition")
                .asLong();
        String url = report("/v1/reports/spend?from=2026-11-01&to=2026-11-30");
        Wait.until("reports at ledger position " + head, WITHIN,
                () -> JsonHttp.get(url).body().at("/asOf/ledgerPosition").asLong() >= head);
        return head;
    }

    private static String report(String path) {
        return system.url("report-service") + path;
    }

    private static JsonHttp.Response postUsage(String id, String team, String occurredAt, String person,
                                               long input) {
        return JsonHttp.post(system.url("ingest-service") + "/v1/usage", """
                {"id": "%s", "occurredAt": "%s", %s"person": "%s", "model": "claude-sonnet-4-5", \
                "inputTokens": %d, "outputTokens": 10}""".formatted(id, occurredAt,
                team == null ? "" : "\"team\": \"" + team + "\", ", person, input));
    }
}
