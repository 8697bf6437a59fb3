package dev.aispend.report.efficiency;

import dev.aispend.report.web.ReportPrivacy;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SmallGroupsTest {
    private static final ReportPrivacy HIDING = new ReportPrivacy(false, 5);

    @Test
    void hides_small_groups_even_when_empty_groups_sort_before_them() {
        List<Long> sizes = List.of(0L, 2L, 0L, 7L, 9L);

        assertThat(SmallGroups.hidden(HIDING, sizes, Long::longValue)).containsExactlyInAnyOrder(1, 3);
    }

    @Test
    void hides_nothing_from_a_caller_who_may_see_people_nor_among_groups_of_k_or_more() {
        assertThat(SmallGroups.hidden(new ReportPrivacy(true, 5), List.of(1L, 2L), Long::longValue)).isEmpty();
        assertThat(SmallGroups.hidden(HIDING, List.of(0L, 5L, 6L), Long::longValue)).isEmpty();
    }
}
