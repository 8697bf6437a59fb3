package dev.aispend.system;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aispend.testsupport.security.TestIssuer;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A small month for the pages test, sent through the services' own APIs as any client would: five people in two
 * teams (directory), an organization-wide and a team budget, uses spread over this month so far and the month
 * before (three models, two purposes), merged PRs, and a signed checkpoint. Returns once the reports show every use.
 */
final class PagesSeed {
    static final String PLATFORM = "platform";
    static final String WEB = "web";
    private static final Duration WITHIN = Duration.ofSeconds(120);
    private static final List<String> PEOPLE = List.of("ana:platform", "ben:platform", "cyd:platform", "dee:web",
            "eli:web");
    private static final List<String> MODELS = List.of("claude-sonnet-4-5", "claude-haiku-4-5", "claude-opus-4-1");
    private static final int USES_PER_MONTH = 20;

    private final RunningSystem system;

    PagesSeed(RunningSystem system) {
        this.system = system;
    }

    /** Sends the month; returns how many uses it sent. */
    int send(Instant now) {
        String policy = system.url("policy-service");
        PolicyCalls.await(() -> JsonHttp.get(policy + "/v1/rate-cards").body(),
                cards -> cards.get("rateCards").size() >= 3, WITHIN, "the default rate cards to be seeded");
        directory();
        budget(policy, "org-monthly", "Organization, monthly", "{}", 400_000_000L);
        budget(policy, "platform-monthly", "Platform, monthly", "{\"team\": \"platform\"}", 150_000_000L);
        Instant monthStart = YearMonth.from(now.atZone(ZoneOffset.UTC)).atDay(1).atStartOfDay(ZoneOffset.UTC)
                .toInstant();
        Instant previousStart = monthStart.minus(Duration.ofDays(28));
        // Early on the 1st the month so far is short (or nothing): its uses then all fall at its start.
        Duration soFar = Duration.between(monthStart, now.minus(Duration.ofMinutes(2)));
        int sent = uses("prev", previousStart, Duration.ofDays(27))
                + uses("now", monthStart, soFar.isNegative() ? Duration.ZERO : soFar);
        mergedPullRequests(monthStart, now);
        int expected = sent;
        PolicyCalls.await(this::allUses, recorded -> recorded == expected, WITHIN,
                "the reports to show every use sent");
        assertThat(JsonHttp.post(system.url("ledger-service") + "/v1/ledger/checkpoints", "{}").status())
                .isBetween(200, 201);
        return sent;
    }

    private void directory() {
        for (String person : PEOPLE) {
            String name = person.split(":")[0];
            assertThat(JsonHttp.post(system.url("ingest-service") + "/v1/directory/people", """
                    {"person": "%s@example.com", "team": "%s", "validFrom": "2025-01-01T00:00:00Z",
                     "aliases": {"email": ["%s@example.com"], "githubLogin": ["%s-gh"]}}"""
                    .formatted(name, person.split(":")[1], name, name)).status()).isBetween(200, 202);
        }
    }

    private static void budget(String policy, String id, String name, String scope, long amountUsdMicros) {
        JsonHttp.Response made = JsonHttp.send("POST", policy + "/v1/budgets", """
                {"id": "%s", "name": "%s", "scope": %s, "period": {"unit": "MONTH", "timeZone": "UTC"},
                 "amountUsdMicros": %d, "softThresholdsPercent": [50, 80], "hardCap": false}"""
                .formatted(id, name, scope, amountUsdMicros), "Authorization", TestIssuer.bearerFor("olivia"));
        assertThat(made.status()).as(made.body().toString()).isEqualTo(201);
    }

    /** Uses spread evenly over {@code span} from {@code start}: every person, the three models, two purposes. */
    private int uses(String prefix, Instant start, Duration span) {
        StringBuilder records = new StringBuilder();
        for (int use = 0; use < USES_PER_MONTH; use++) {
            String person = PEOPLE.get(use % PEOPLE.size()).split(":")[0];
            Instant at = start.plusMillis(span.toMillis() * use / USES_PER_MONTH).truncatedTo(ChronoUnit.SECONDS);
            // The first person spends ten times the others: the top usage tier.
            long input = (person.equals("ana") ? 2_000_000L : 200_000L) + use * 1_000L;
            records.append(records.isEmpty() ? "" : ",").append("""
                    {"id": "pages-%s-%d", "occurredAt": "%s", "person": "%s@example.com", "model": "%s",
                     "purpose": "%s", "inputTokens": %d, "outputTokens": %d}"""
                    .formatted(prefix, use, at, person, MODELS.get(use % MODELS.size()),
                            use % 3 == 0 ? "code-review" : "coding", input, input / 10));
        }
        JsonHttp.Response sent = JsonHttp.post(system.url("ingest-service") + "/v1/usage/batch",
                "{\"records\": [" + records + "]}");
        assertThat(sent.status()).as(sent.body().toString()).isEqualTo(202);
        return USES_PER_MONTH;
    }

    private void mergedPullRequests(Instant monthStart, Instant now) {
        Instant at = monthStart.plus(Duration.between(monthStart, now).dividedBy(2)).truncatedTo(ChronoUnit.SECONDS);
        for (String person : PEOPLE) {
            String name = person.split(":")[0];
            assertThat(JsonHttp.post(system.url("ingest-service") + "/v1/outcomes", """
                    {"id": "pages-pr-%s", "kind": "pull_request_merged", "occurredAt": "%s",
                     "aliases": {"githubLogin": "%s-gh"}, "repository": "acme/%s", "number": 7, "count": %d}"""
                    .formatted(name, at, name, person.split(":")[1], name.equals("ana") ? 2 : 1)).status())
                    .isEqualTo(202);
        }
    }

    private long allUses() {
        Instant now = Instant.now();
        String from = now.minus(Duration.ofDays(70)).toString().substring(0, 10);
        String to = now.plus(Duration.ofDays(1)).toString().substring(0, 10);
        JsonNode report = JsonHttp.get(system.url("report-service") + "/v1/reports/spend?from=" + from + "&to=" + to
                + "&groupBy=team").body();
        return report.path("totals").path("records").asLong(-1);
    }
}
