package dev.aispend.ledger.command;

import dev.aispend.ledger.UsageMother;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UsageRecordAggregateTest {
    private AggregateTestFixture<UsageRecordAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(UsageRecordAggregate.class);
    }

    @Test
    void records_usage_as_one_event_carrying_every_field() {
        fixture.givenNoPriorActivity()
                .when(UsageMother.command("req-1"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(UsageMother.recorded("req-1"));
    }

    @Test
    void takes_its_identity_from_the_usage_record_id() {
        fixture.givenNoPriorActivity()
                .when(UsageMother.command("req-2"))
                .expectState(aggregate -> assertThat(UsageRecordAggregate.identifierOf("req-2"))
                        .isEqualTo("usage:req-2"));
    }
}
