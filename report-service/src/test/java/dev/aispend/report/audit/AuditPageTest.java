package dev.aispend.report.audit;

import dev.aispend.platform.web.FieldError;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AuditPageTest {

    @Test
    void defaults_to_a_hundred_rows_or_the_maximum_when_smaller() {
        List<FieldError> errors = new ArrayList<>();
        assertThat(AuditPage.parse(null, null, 1000, errors)).isEqualTo(new AuditPage(100, 0));
        assertThat(AuditPage.parse(null, null, 50, errors)).isEqualTo(new AuditPage(50, 0));
        assertThat(AuditPage.parse("1000", "7", 1000, errors)).isEqualTo(new AuditPage(1000, 7));
        assertThat(errors).isEmpty();
    }

    @Test
    void names_limit_past_the_maximum_and_every_other_bad_value() {
        for (String[] bad : new String[][]{{"1001", "0", "limit"}, {"0", "0", "limit"}, {"ten", "0", "limit"},
                {"-5", "0", "limit"}, {"10", "-1", "offset"}, {"10", "1.5", "offset"}}) {
            List<FieldError> errors = new ArrayList<>();
            AuditPage.parse(bad[0], bad[1], 1000, errors);
            assertThat(errors).as(String.join(",", bad)).extracting(FieldError::field).containsExactly(bad[2]);
        }
    }

    @Test
    void says_where_the_next_page_starts_until_the_last() {
        assertThat(new AuditPage(100, 0).paging(250, 100))
                .isEqualTo(new AuditPage.Paging(100, 0, 250, 100, 100L));
        assertThat(new AuditPage(100, 200).paging(250, 50))
                .isEqualTo(new AuditPage.Paging(100, 200, 250, 50, null));
        assertThat(new AuditPage(100, 300).paging(250, 0).nextOffset()).isNull();
    }
}
