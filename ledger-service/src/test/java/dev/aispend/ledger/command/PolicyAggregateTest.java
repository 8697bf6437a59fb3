package dev.aispend.ledger.command;

import dev.aispend.contracts.ledger.PolicyChangeRejected;
import dev.aispend.contracts.ledger.PolicyChanged.ContentChange;
import dev.aispend.contracts.policy.PolicyChangeRequest;
import dev.aispend.contracts.policy.PolicyKind;
import dev.aispend.ledger.PolicyMother;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PolicyAggregateTest {
    private static final Instant EFFECTIVE = Instant.parse("2026-11-01T00:00:00Z");
    private static final Map<String, Object> CARD_V1 = PolicyMother.rateCard("claude-sonnet-4-5", 3_000_000, 15_000_000);
    private static final Map<String, Object> CARD_V2 = PolicyMother.rateCard("claude-sonnet-4-5", 2_000_000, 15_000_000);

    private AggregateTestFixture<PolicyAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(PolicyAggregate.class);
    }

    @Test
    void records_a_new_policy_as_version_1_with_every_field_in_the_diff() {
        PolicyChangeRequest request = PolicyMother.rateCardRequest("change-1", 0, CARD_V1, EFFECTIVE);
        fixture.givenNoPriorActivity()
                .when(PolicyMother.change(request))
                .expectSuccessfulHandlerExecution()
                .expectEvents(PolicyMother.changed(request, 1, List.of(
                        new ContentChange("models", null, CARD_V1.get("models")),
                        new ContentChange("provider", null, "anthropic"))));
    }

    @Test
    void records_the_next_version_when_the_request_expects_the_current_one() {
        PolicyChangeRequest first = PolicyMother.rateCardRequest("change-1", 0, CARD_V1, EFFECTIVE);
        PolicyChangeRequest second = PolicyMother.rateCardRequest("change-2", 1, CARD_V2, EFFECTIVE.plusSeconds(60));
        fixture.given(PolicyMother.changed(first, 1, List.of()))
                .when(PolicyMother.change(second))
                .expectSuccessfulHandlerExecution()
                .expectEvents(PolicyMother.changed(second, 2, List.of(
                        new ContentChange("models", CARD_V1.get("models"), CARD_V2.get("models")))));
    }

    @Test
    void rejects_a_change_that_expects_a_stale_version_so_no_edit_is_silently_overwritten() {
        PolicyChangeRequest first = PolicyMother.rateCardRequest("change-1", 0, CARD_V1, EFFECTIVE);
        PolicyChangeRequest second = PolicyMother.rateCardRequest("change-2", 1, CARD_V2, EFFECTIVE);
        PolicyChangeRequest stale = PolicyMother.rateCardRequest("change-3", 1, CARD_V1, EFFECTIVE);
        fixture.given(PolicyMother.changed(first, 1, List.of()), PolicyMother.changed(second, 2, List.of()))
                .when(PolicyMother.change(stale))
                .expectSuccessfulHandlerExecution()
                .expectEvents(PolicyMother.rejected(stale, 2, PolicyChangeRejected.VERSION_CONFLICT));
    }

    @Test
    void rejects_a_first_change_that_expects_an_existing_version() {
        PolicyChangeRequest request = PolicyMother.rateCardRequest("change-1", 3, CARD_V1, EFFECTIVE);
        fixture.givenNoPriorActivity()
                .when(PolicyMother.change(request))
                .expectEvents(PolicyMother.rejected(request, 0, PolicyChangeRejected.VERSION_CONFLICT));
    }

    @Test
    void rejects_an_invalid_rate_card_naming_the_field() {
        Map<String, Object> invalid = Map.of("provider", "anthropic", "models", List.of(Map.of(
                "model", "claude-sonnet-4-5", "inputUsdMicrosPerMillionTokens", -1)));
        PolicyChangeRequest request = PolicyMother.rateCardRequest("change-1", 0, invalid, EFFECTIVE);
        fixture.givenNoPriorActivity()
                .when(PolicyMother.change(request))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.payloadsMatching(
                        org.axonframework.test.matchers.Matchers.exactSequenceOf(
                                org.axonframework.test.matchers.Matchers.predicate(payload ->
                                        payload instanceof PolicyChangeRejected rejected
                                                && rejected.reason().startsWith("INVALID_CONTENT: ")
                                                && rejected.reason().contains("models[0].inputUsdMicrosPerMillionTokens")),
                                org.axonframework.test.matchers.Matchers.andNoMore())));
    }

    @Test
    void rejects_a_change_of_kind() {
        PolicyChangeRequest first = PolicyMother.rateCardRequest("change-1", 0, CARD_V1, EFFECTIVE);
        PolicyChangeRequest budget = new PolicyChangeRequest("change-2", PolicyMother.RATE_CARD_ID, PolicyKind.BUDGET, 1,
                "bob", Map.of("limitUsdMicros", 5), EFFECTIVE, PolicyMother.REQUESTED_AT);
        fixture.given(PolicyMother.changed(first, 1, List.of()))
                .when(PolicyMother.change(budget))
                .expectEvents(PolicyMother.rejected(budget, 1, "KIND_MISMATCH: policy ratecard-anthropic is a RATE_CARD"));
    }

    @Test
    void diff_lists_added_removed_and_changed_fields_in_name_order() {
        List<ContentChange> diff = ContentDiff.between(Map.of("a", 1, "b", 2), Map.of("b", 3, "c", 4));
        assertThat(diff).containsExactly(new ContentChange("a", 1, null), new ContentChange("b", 2, 3),
                new ContentChange("c", null, 4));
    }
}
