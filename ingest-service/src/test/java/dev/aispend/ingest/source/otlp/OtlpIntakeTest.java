package dev.aispend.ingest.source.otlp;

import dev.aispend.ingest.acceptance.InvalidSubmissionException;
import dev.aispend.ingest.source.otlp.mapping.MappedExport;
import dev.aispend.ingest.source.otlp.mapping.MetricPoint;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OtlpIntakeTest {
    private static final MetricPoint POINT = new MetricPoint("a".repeat(64), false, 1, 2, BigDecimal.ONE, "here",
            (id, increase, location) -> null);

    @Test
    void takes_an_export_whose_items_to_record_are_within_the_batch_limit_however_many_it_ignores() {
        MappedExport export = new MappedExport(1002, List.of(), List.of(POINT), List.of());

        assertThatCode(() -> OtlpIntake.checkBounds(export, "data points", 50_000, 1000)).doesNotThrowAnyException();
    }

    @Test
    void refuses_an_export_with_more_items_to_record_than_the_batch_limit() {
        MappedExport export = new MappedExport(1001, List.of(), Collections.nCopies(1001, POINT), List.of());

        assertThatThrownBy(() -> OtlpIntake.checkBounds(export, "data points", 50_000, 1000))
                .isInstanceOfSatisfying(InvalidSubmissionException.class, refused ->
                        org.assertj.core.api.Assertions.assertThat(refused.violations().get(0).message())
                                .contains("1001 data points to record", "INGEST_MAX_BATCH_RECORDS"));
    }

    @Test
    void refuses_an_export_with_more_items_than_one_request_may_carry_even_if_it_records_none() {
        MappedExport export = new MappedExport(50_001, List.of(), List.of(), List.of());

        assertThatThrownBy(() -> OtlpIntake.checkBounds(export, "data points", 50_000, 1000))
                .isInstanceOfSatisfying(InvalidSubmissionException.class, refused ->
                        org.assertj.core.api.Assertions.assertThat(refused.violations().get(0).message())
                                .contains("50001 data points", "INGEST_OTLP_MAX_ITEMS_PER_REQUEST"));
    }
}
