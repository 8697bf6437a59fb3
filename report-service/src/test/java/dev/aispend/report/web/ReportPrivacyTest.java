package dev.aispend.report.web;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReportPrivacyTest {
    private final ReportPrivacy hiding = ReportPrivacy.forCaller(false, 5);

    @Test
    void hides_groups_of_fewer_than_k_people_and_passes_over_groups_of_nobody() {
        assertThat(hiding.hidden(List.of(0L, 2L, 7L, 3L, 9L), Long::longValue)).containsExactly(1, 3);
    }

    @Test
    void hides_the_next_smallest_group_when_the_hidden_ones_could_be_recovered_from_the_total() {
        assertThat(hiding.hidden(List.of(9L, 2L, 6L, 12L), Long::longValue)).containsExactly(1, 2);
    }

    @Test
    void hides_nothing_when_every_group_is_large_enough_or_the_caller_may_see_people() {
        assertThat(hiding.hidden(List.of(5L, 8L), Long::longValue)).isEmpty();
        assertThat(ReportPrivacy.forCaller(true, 5).hidden(List.of(1L, 2L), Long::longValue)).isEmpty();
    }

    @Test
    void refuses_person_level_views_to_a_caller_who_may_not_see_people() {
        assertThatThrownBy(() -> hiding.requirePeopleVisible("groupBy"))
                .isInstanceOfSatisfying(PeopleNotVisibleException.class,
                        refused -> assertThat(refused.field()).isEqualTo("groupBy"));
    }
}
