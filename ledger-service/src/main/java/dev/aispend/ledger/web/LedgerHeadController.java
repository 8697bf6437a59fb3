package dev.aispend.ledger.web;

import dev.aispend.platform.security.Roles;
import io.micronaut.security.annotation.Secured;
import dev.aispend.ledger.entries.LedgerEntryStore;
import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.http.annotation.Get;
import io.micronaut.serde.annotation.Serdeable;

/** {@code GET /v1/ledger/head}: how far the ledger has been recorded and how far it has been published. */
@Secured({Roles.FINANCE_AUDITOR, Roles.COMPLIANCE_OFFICER})
@Controller("/v1/ledger/head")
@ExecuteOn(TaskExecutors.BLOCKING)
final class LedgerHeadController {
    private final LedgerEntryStore events;

    LedgerHeadController(LedgerEntryStore events) {
        this.events = events;
    }

    @Serdeable
    record LedgerHead(long lastPosition, long lastPublishedPosition) {
    }

    @Get
    LedgerHead head() {
        LedgerEntryStore.Head head = events.head();
        return new LedgerHead(head.lastPosition(), head.lastPublishedPosition());
    }
}
