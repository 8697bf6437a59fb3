package dev.aispend.report.efficiency;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aispend.report.fixture.ReportMonth;
import dev.aispend.report.support.ReportAnswers;
import dev.aispend.report.support.ReportSystemTest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The efficiency and distribution reports for a caller who may not see people, over the fixture's month (web is a
 * team of two): every team, tier, month and week of 1 to k-1 people is suppressed with no figures, hidden groups
 * together count at least k people (so no total gives one away), and no person ref appears.
 */
@MicronautTest(transactional = false)
class SmallGroupsHiddenIT extends ReportSystemTest {
    private static final int K = 5;
    private static final String OCTOBER = "from=2026-10-01&to=2026-10-31";

    @Inject
    @Client("/")
    HttpClient http;

    @Override
    protected Map<String, String> moreProperties() {
        return Map.of("test.bearer.roles", NO_PEOPLE_ROLE,
                "report.privacy.min-group-size", String.valueOf(K));
    }

    @BeforeAll
    void publishTheMonth() {
        system.publishMonth();
    }

    @Test
    void hides_the_small_web_team_and_every_tier_of_fewer_than_k_people_in_the_efficiency_report()
            throws IOException {
        JsonNode report = report("efficiency", OCTOBER);
        JsonNode october = report.at("/periods/0");

        JsonNode web = find(october.get("teams"), "team", ReportMonth.WEB);
        assertThat(web.get("people").asLong()).isEqualTo(2);
        assertThat(web.get("suppressed").asBoolean()).isTrue();
        assertThat(web.has("figures")).isFalse();
        assertThat(october.at("/total/suppressed").asBoolean()).isFalse();
        // About 14 people ranked: quintiles of 2 or 3, a top decile of 2, so no tier and no ratio is shown.
        assertThat(october.at("/tiers/tiers").findValuesAsText("suppressed")).containsOnly("true");
        assertThat(october.at("/tiers/topDecileVsMedian").size()).isZero();
        assertPrivate(report);

        JsonNode webOnly = report("efficiency", OCTOBER + "&team=" + ReportMonth.WEB);
        assertThat(webOnly.at("/periods/0/total/suppressed").asBoolean()).isTrue();
        assertPrivate(webOnly);
    }

    @Test
    void hides_the_small_web_team_in_the_distribution_report() throws IOException {
        JsonNode report = report("distribution", OCTOBER);

        assertThat(report.at("/months/0/suppressed").asBoolean()).isFalse();
        for (JsonNode week : report.get("weeks")) {
            JsonNode web = find(week.get("teams"), "team", ReportMonth.WEB);
            assertThat(web.get("suppressed").asBoolean()).isTrue();
            assertThat(web.has("adoption")).isFalse();
        }
        assertPrivate(report);

        JsonNode webOnly = report("distribution", OCTOBER + "&team=" + ReportMonth.WEB);
        assertThat(webOnly.at("/months/0/activePeople").asLong()).isEqualTo(2);
        assertThat(webOnly.at("/months/0/suppressed").asBoolean()).isTrue();
        assertThat(webOnly.at("/months/0").has("figures")).isFalse();
        assertThat(webOnly.get("weeks").findValuesAsText("suppressed")).containsOnly("true");
        assertPrivate(webOnly);
    }

    /**
     * Every group of 1 to k-1 people suppressed, suppressed groups without figures, the hidden groups of each list
     * counting at least k people together, the answer saying how many it hid, and no person ref.
     */
    private static void assertPrivate(JsonNode report) {
        assertThat(report.toString()).doesNotContain("prs_", "als_");
        assertThat(report.at("/suppression/peopleVisible").asBoolean()).isFalse();
        List<JsonNode> groups = new ArrayList<>();
        collect(report, groups);
        long hidden = 0;
        for (JsonNode group : groups) {
            long people = people(group);
            boolean suppressed = group.get("suppressed").asBoolean();
            if (people > 0 && people < K) {
                assertThat(suppressed).as(group.toString()).isTrue();
            }
            if (suppressed) {
                hidden++;
                assertThat(group.has("figures") || group.has("adoption")).as(group.toString()).isFalse();
            }
        }
        assertThat(report.at("/suppression/hiddenGroups").asLong()).isEqualTo(hidden);
        for (JsonNode list : List.of(report.findValues("teams").toArray(JsonNode[]::new))) {
            long hiddenPeople = 0;
            for (JsonNode team : list) {
                if (team.get("suppressed").asBoolean()) {
                    hiddenPeople += people(team);
                }
            }
            assertThat(hiddenPeople == 0 || hiddenPeople >= K || list.size() == 1).as(list.toString()).isTrue();
        }
    }

    /** The people a group counts: efficiency groups, months (active people), weeks (people in the directory). */
    private static long people(JsonNode group) {
        for (String field : List.of("people", "activePeople", "directoryPeople")) {
            if (group.has(field)) {
                return group.get(field).asLong();
            }
        }
        throw new AssertionError("no people in " + group);
    }

    private static void collect(JsonNode node, List<JsonNode> groups) {
        if (node.isObject() && node.has("suppressed")) {
            groups.add(node);
        }
        node.forEach(child -> collect(child, groups));
    }

    private static JsonNode find(JsonNode rows, String field, String value) {
        for (JsonNode row : rows) {
            if (value.equals(row.get(field).asText())) {
                return row;
            }
        }
        throw new AssertionError("no row with " + field + " " + value + " in " + rows);
    }

    private JsonNode report(String name, String query) throws IOException {
        return ReportAnswers.json(http, "/v1/reports/" + name + "?" + query);
    }
}
