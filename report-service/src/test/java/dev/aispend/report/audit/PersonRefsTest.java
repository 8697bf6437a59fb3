package dev.aispend.report.audit;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PersonRefsTest {

    @Test
    void hides_person_and_alias_refs_inside_text() {
        assertThat(PersonRefs.hide("person:prs_0a1b2c")).isEqualTo("person:hidden");
        assertThat(PersonRefs.hide("BADGE_AWARDED:first-use:prs_ab12@17"))
                .isEqualTo("BADGE_AWARDED:first-use:hidden@17");
        assertThat(PersonRefs.hide("Budget X (team=a, personRef=prs_f00)"))
                .isEqualTo("Budget X (team=a, personRef=hidden)");
        assertThat(PersonRefs.hide("als_9z and prs_1")).isEqualTo("hidden and hidden");
        assertThat(PersonRefs.hide("budget:platform-monthly/2026-10")).isEqualTo("budget:platform-monthly/2026-10");
        assertThat(PersonRefs.hide("express_lane")).isEqualTo("express_lane");
        assertThat(PersonRefs.mentionsPerson("check:prs_1")).isTrue();
        assertThat(PersonRefs.mentionsPerson("check:c-1")).isFalse();
    }

    @Test
    void hides_them_everywhere_in_json_and_whole_person_fields() {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("team", "platform");
        request.put("personRef", "someone-without-prefix");
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("request", request);
        evidence.put("people", List.of("prs_a", "prs_b", 3));
        evidence.put("prs_a", 1);
        evidence.put("prs_b", 2);
        evidence.put("estimatedCostUsdMicros", 1_000L);

        Object hidden = PersonRefs.hideIn(evidence);

        assertThat(hidden).isEqualTo(Map.of("request", Map.of("team", "platform", "personRef", "hidden"),
                "people", List.of("hidden", "hidden", 3), "hidden", 1, "hidden#2", 2,
                "estimatedCostUsdMicros", 1_000L));
        assertThat(evidence.get("prs_a")).isEqualTo(1);
        assertThat(PersonRefs.hideIn(null)).isNull();
    }
}
