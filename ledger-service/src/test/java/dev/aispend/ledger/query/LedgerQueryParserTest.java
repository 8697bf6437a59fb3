package dev.aispend.ledger.query;

import dev.aispend.platform.web.FieldError;
import io.micronaut.http.MediaType;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

class LedgerQueryParserTest {
    private static final List<MediaType> NO_ACCEPT = List.of();
    private final LedgerQueryParser parser = new LedgerQueryParser(new LedgerQueryConfiguration(1000, 5000));

    @Test
    void without_parameters_asks_for_the_first_json_page_of_the_whole_ledger() {
        LedgerQuery query = parser.parse(Map.of(), NO_ACCEPT);

        assertThat(query).isEqualTo(new LedgerQuery(LedgerFilter.everything(), 0, 100, ExportFormat.JSON));
    }

    @Test
    void reads_every_filter_and_the_page() {
        LedgerQuery query = parser.parse(parameters(
                "occurredFrom", "2026-11-01T00:00:00Z", "occurredTo", "2026-12-01T00:00:00Z",
                "recordedFrom", "2026-11-02T00:00:00Z", "recordedTo", "2026-11-03T00:00:00.5Z",
                "team", "platform", "personRef", "p-1", "source", "api", "policyId", "budget-1",
                "eventType", "SpendRecorded", "after", "41", "limit", "1000"), NO_ACCEPT);

        LedgerFilter filter = query.filter();
        assertThat(filter.occurredFrom()).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
        assertThat(filter.occurredTo()).isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
        assertThat(filter.recordedFrom()).isEqualTo(Instant.parse("2026-11-02T00:00:00Z"));
        assertThat(filter.recordedTo()).isEqualTo(Instant.parse("2026-11-03T00:00:00.500Z"));
        assertThat(filter).extracting(LedgerFilter::team, LedgerFilter::personRef, LedgerFilter::source,
                LedgerFilter::policyId).containsExactly("platform", "p-1", "api", "budget-1");
        assertThat(filter.eventTypes()).containsExactly("SpendRecorded");
        assertThat(query.after()).isEqualTo(41);
        assertThat(query.limit()).isEqualTo(1000);
    }

    @Test
    void takes_repeated_event_types_once_each_including_the_foundation_names() {
        Map<String, List<String>> given = Map.of("eventType", List.of("SpendRecorded", "PolicyChanged",
                "SpendRecorded", "dev.aispend.ledger.api.UsageRecordedEvent"));

        assertThat(parser.parse(given, NO_ACCEPT).filter().eventTypes()).containsExactly("SpendRecorded",
                "PolicyChanged", "dev.aispend.ledger.api.UsageRecordedEvent");
    }

    @Test
    void reads_an_instant_with_an_offset_as_the_same_instant_in_utc() {
        LedgerQuery query = parser.parse(parameters("occurredFrom", "2026-11-01T01:00:00+01:00"), NO_ACCEPT);

        assertThat(query.filter().occurredFrom()).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
    }

    @Test
    void accepts_an_empty_range_whose_ends_are_equal() {
        LedgerQuery query = parser.parse(parameters("recordedFrom", "2026-11-01T00:00:00Z",
                "recordedTo", "2026-11-01T00:00:00Z"), NO_ACCEPT);

        assertThat(query.filter().recordedFrom()).isEqualTo(query.filter().recordedTo());
    }

    @Test
    void names_an_unparseable_instant() {
        assertThat(fieldsRefused(parameters("occurredFrom", "2026-11-01", "recordedTo", "yesterday")))
                .containsExactly("occurredFrom", "recordedTo");
    }

    @Test
    void names_the_from_of_a_range_that_ends_before_it_starts() {
        List<FieldError> errors = errors(parameters("occurredFrom", "2026-11-02T00:00:00Z",
                "occurredTo", "2026-11-01T00:00:00Z", "recordedFrom", "2026-11-02T00:00:00Z",
                "recordedTo", "2026-11-01T00:00:00Z"));

        assertThat(errors).containsExactly(new FieldError("occurredFrom", "must not be after occurredTo"),
                new FieldError("recordedFrom", "must not be after recordedTo"));
    }

    @Test
    void names_a_limit_out_of_range_or_not_a_number() {
        for (String limit : List.of("0", "-1", "1001", "ten", "1.5", "99999999999999999999")) {
            assertThat(errors(parameters("limit", limit)))
                    .containsExactly(new FieldError("limit", "must be a whole number from 1 to 1000"));
        }
    }

    @Test
    void names_a_negative_or_unreadable_after() {
        assertThat(fieldsRefused(parameters("after", "-1"))).containsExactly("after");
        assertThat(fieldsRefused(parameters("after", "last"))).containsExactly("after");
    }

    @Test
    void names_an_unknown_event_type_and_lists_the_known_ones() {
        List<FieldError> errors = errors(Map.of("eventType", List.of("SpendRecorded", "UsageRecorded")));

        assertThat(errors).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("eventType");
            assertThat(error.message()).startsWith("'UsageRecorded' is not a ledger event type")
                    .contains("SpendRecorded", "PolicyChanged", "IdentityLinked");
        });
    }

    @Test
    void names_an_unknown_parameter_so_a_misspelt_filter_is_not_ignored() {
        assertThat(fieldsRefused(parameters("ocurredFrom", "2026-11-01T00:00:00Z", "teams", "x")))
                .containsExactly("ocurredFrom", "teams");
    }

    @Test
    void names_a_repeated_or_empty_single_valued_parameter() {
        Map<String, List<String>> given = new LinkedHashMap<>();
        given.put("team", List.of("a", "b"));
        given.put("personRef", List.of(""));
        given.put("limit", List.of("1", "2"));

        assertThat(fieldsRefused(given)).containsExactlyInAnyOrder("team", "personRef", "limit");
    }

    @Test
    void names_every_bad_parameter_in_one_answer() {
        assertThat(fieldsRefused(parameters("occurredTo", "soon", "limit", "0", "after", "x",
                "eventType", "Nope", "format", "xml")))
                .containsExactlyInAnyOrder("occurredTo", "limit", "after", "eventType", "format");
    }

    @Test
    void answers_csv_when_the_format_parameter_or_the_accept_header_asks_for_it() {
        assertThat(parser.parse(parameters("format", "csv"), NO_ACCEPT).format()).isEqualTo(ExportFormat.CSV);
        assertThat(parser.parse(parameters("format", "CSV"), NO_ACCEPT).format()).isEqualTo(ExportFormat.CSV);
        assertThat(parser.parse(Map.of(), accept("text/csv")).format()).isEqualTo(ExportFormat.CSV);
        assertThat(parser.parse(Map.of(), accept("text/csv;q=0.5", "application/json")).format())
                .isEqualTo(ExportFormat.JSON);
        assertThat(parser.parse(parameters("format", "json"), accept("text/csv")).format())
                .isEqualTo(ExportFormat.JSON);
        assertThat(parser.parse(Map.of(), accept("*/*")).format()).isEqualTo(ExportFormat.JSON);
    }

    @Test
    void lets_a_csv_export_take_up_to_its_own_maximum_and_defaults_to_it() {
        assertThat(parser.parse(parameters("format", "csv"), NO_ACCEPT).limit()).isEqualTo(5000);
        assertThat(parser.parse(parameters("format", "csv", "limit", "5000"), NO_ACCEPT).limit()).isEqualTo(5000);
        assertThat(errors(parameters("format", "csv", "limit", "5001")))
                .containsExactly(new FieldError("limit", "must be a whole number from 1 to 5000"));
    }

    @Test
    void keeps_the_default_page_within_a_configured_maximum_below_it() {
        LedgerQueryParser small = new LedgerQueryParser(new LedgerQueryConfiguration(20, 5000));

        assertThat(small.parse(Map.of(), NO_ACCEPT).limit()).isEqualTo(20);
    }

    private List<FieldError> errors(Map<String, List<String>> given) {
        Throwable thrown = catchThrowable(() -> parser.parse(given, NO_ACCEPT));
        assertThat(thrown).isInstanceOf(InvalidLedgerQueryException.class);
        return ((InvalidLedgerQueryException) thrown).errors();
    }

    private List<String> fieldsRefused(Map<String, List<String>> given) {
        assertThatThrownBy(() -> parser.parse(given, NO_ACCEPT)).isInstanceOf(InvalidLedgerQueryException.class);
        return errors(given).stream().map(FieldError::field).toList();
    }

    /** Name, value, name, value, ...: each parameter given once. */
    private static Map<String, List<String>> parameters(String... namesAndValues) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        for (int index = 0; index < namesAndValues.length; index += 2) {
            parameters.put(namesAndValues[index], List.of(namesAndValues[index + 1]));
        }
        return parameters;
    }

    private static Collection<MediaType> accept(String... types) {
        return MediaType.orderedOf(List.of(types));
    }
}
