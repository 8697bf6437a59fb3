package dev.aispend.ledger.command;

import dev.aispend.contracts.ledger.LegacyUsageRecorded;
import dev.aispend.contracts.ledger.SpendRecorded;
import dev.aispend.ledger.UsageMother;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;


class UsageRecordAggregateTest {
    private AggregateTestFixture<UsageRecordAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(UsageRecordAggregate.class);
    }

    @Test
    void flags_the_same_id_sent_with_other_content() {
        fixture.given(UsageMother.recorded("req-1"))
                .when(UsageMother.conflicting("req-1", "changed"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(UsageMother.conflictFlagged("req-1", "changed"));
    }

    @Test
    void treats_the_recorded_content_sent_again_as_a_retry() {
        fixture.given(UsageMother.recorded("req-1"))
                .when(UsageMother.conflicting("req-1", "original"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void flags_each_distinct_conflicting_content_once() {
        fixture.given(UsageMother.recorded("req-1"), UsageMother.conflictFlagged("req-1", "changed"))
                .when(UsageMother.conflicting("req-1", "changed"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void flags_other_content_for_an_id_the_foundation_recorded() {
        SpendRecorded recorded = UsageMother.recorded("req-1");
        LegacyUsageRecorded legacy = new LegacyUsageRecorded("req-1", recorded.occurredAt(), recorded.receivedAt(),
                recorded.source(), recorded.team(), recorded.personRef(), recorded.model(),
                recorded.spend().tokens(), recorded.contentSha256());
        fixture.given(legacy)
                .when(UsageMother.conflicting("req-1", "changed"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(UsageMother.conflictFlagged("req-1", "changed"));
    }
}
