package dev.aispend.demo;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Asks report-service (and the ledger) how far the demo month has got: the spend records and merged pull requests
 * of the demo's teams in the period, and whether the reports stand at the ledger's head. Bounded polls only.
 */
final class ReportProbe {
    private static final Duration POLL = Duration.ofMillis(250);

    private final Sender sender;
    private final DemoEndpoints endpoints;
    private final String credential;
    private final Set<String> teams;
    private final String range;

    ReportProbe(Sender sender, DemoEndpoints endpoints, String credential, DemoMonth month) {
        this.sender = sender;
        this.endpoints = endpoints;
        this.credential = credential;
        this.teams = month.teams().stream().map(Team::name).collect(Collectors.toSet());
        this.range = "from=" + LocalDate.ofInstant(month.spec().start(), ZoneOffset.UTC) + "&to="
                + LocalDate.ofInstant(month.spec().end(), ZoneOffset.UTC);
    }

    /** Waits until the reports show at least these spend records and merged pull requests of the demo's teams. */
    void awaitCounts(long spendRecords, long mergedPrs, Duration within, String what) {
        long[] seen = {-1, -1};
        Polls.until(within, POLL, () -> {
            seen[0] = spendRecords();
            seen[1] = seen[0] >= spendRecords ? mergedPrs() : -1;
            return seen[0] >= spendRecords && seen[1] >= mergedPrs;
        }, () -> "the reports did not show " + what + " within " + within + ": " + seen[0] + " of " + spendRecords
                + " spend records, " + seen[1] + " of " + mergedPrs + " merged PRs");
    }

    /** Waits until the reports stand at the ledger's head and the head stayed put over two polls. */
    long awaitLedgerHead(Duration within) {
        long[] heads = {-1, -1};
        Polls.until(within, Duration.ofMillis(500), () -> {
            long previous = heads[0];
            heads[0] = read(sender.get(endpoints.ledger() + "/v1/ledger/head", credential)).path("lastPosition")
                    .asLong();
            heads[1] = read(sender.get(endpoints.report() + "/v1/reports/spend?" + range, credential))
                    .path("asOf").path("ledgerPosition").asLong();
            return heads[1] >= heads[0] && heads[0] == previous;
        }, () -> "the reports did not reach the ledger's head within " + within);
        return heads[0];
    }

    long spendRecords() {
        long records = 0;
        for (JsonNode row : read(sender.get(endpoints.report() + "/v1/reports/spend?" + range + "&groupBy=team",
                credential)).path("rows")) {
            records += teams.contains(row.path("team").asText()) ? row.path("figures").path("records").asLong() : 0;
        }
        return records;
    }

    long mergedPrs() {
        long merged = 0;
        for (JsonNode period : read(sender.get(endpoints.report() + "/v1/reports/efficiency?" + range, credential))
                .path("periods")) {
            for (JsonNode team : period.path("teams")) {
                merged += teams.contains(team.path("team").asText())
                        ? team.path("figures").path("mergedPrs").asLong() : 0;
            }
        }
        return merged;
    }

    private static JsonNode read(HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            throw new DeliveryRefusedException(response.request().uri().getPath(), response.statusCode(),
                    response.body());
        }
        try {
            return Json.MAPPER.readTree(response.body());
        } catch (IOException notJson) {
            throw new DeliveryRefusedException(response.request().uri() + " answered no JSON");
        }
    }
}
