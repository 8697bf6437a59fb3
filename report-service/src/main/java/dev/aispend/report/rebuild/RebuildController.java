package dev.aispend.report.rebuild;

import dev.aispend.platform.security.Actors;
import dev.aispend.platform.security.Roles;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import dev.aispend.platform.web.ErrorBody;
import dev.aispend.platform.web.FieldError;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.client.exceptions.HttpClientException;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * {@code POST /v1/reports/rebuilds}: rebuild every read model from a ledger replay into a fresh generation, then
 * serve it (202 with its progress and a Location to follow); {@code GET /v1/reports/rebuilds[/{generation}]}:
 * progress; {@code DELETE /v1/reports/rebuilds/{generation}}: cancel one under way.
 */
@Secured({Roles.FINANCE_AUDITOR, Roles.COMPLIANCE_OFFICER})
@Controller("/v1/reports/rebuilds")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "rebuilds")
final class RebuildController {
    private static final String PATH = "/v1/reports/rebuilds/";
    private final Rebuilds rebuilds;

    RebuildController(Rebuilds rebuilds) {
        this.rebuilds = rebuilds;
    }

    @Secured(Roles.COMPLIANCE_OFFICER)
    @Post(produces = "application/json")
    @Operation(summary = "Rebuild the read models from a ledger replay into fresh tables, then switch to them")
    HttpResponse<?> start(Authentication caller) {
        Optional<String> actor = Actors.recordable(caller.getName());
        if (actor.isEmpty()) {
            return HttpResponse.badRequest(ErrorBody.of("invalid rebuild request; nothing was started",
                    List.of(Actors.refusal())));
        }
        String startedBy = actor.get();
        try {
            RebuildStore.Row row = rebuilds.start(startedBy);
            return HttpResponse.accepted(URI.create(PATH + row.generation())).body(progress(row));
        } catch (RebuildStore.RebuildBusyException busy) {
            return HttpResponse.status(HttpStatus.CONFLICT).body(ErrorBody.of(busy.getMessage(), List.of()));
        } catch (HttpClientException ledgerUnavailable) {
            return HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "10")
                    .body(ErrorBody.of("ledger-service did not accept the replay (" + ledgerUnavailable.getMessage()
                            + "); the rebuild was marked FAILED and the serving read models are unchanged",
                            List.of()));
        }
    }

    @Get(produces = "application/json")
    @Operation(summary = "Every generation of the read models, newest first, with rebuild progress")
    List<RebuildProgress> all() {
        return rebuilds.all().stream().map(this::progress).toList();
    }

    @Get(value = "/{generation}", produces = "application/json")
    @Operation(summary = "A rebuild's progress, and after the switch its digest comparison")
    HttpResponse<?> one(@PathVariable int generation) {
        return rebuilds.find(generation).<HttpResponse<?>>map(row -> HttpResponse.ok(progress(row)))
                .orElseGet(() -> unknown(generation));
    }

    @Secured(Roles.COMPLIANCE_OFFICER)
    @Delete(value = "/{generation}", produces = "application/json")
    @Operation(summary = "Cancel a rebuild under way (the serving read models stay)")
    HttpResponse<?> cancel(@PathVariable int generation) {
        if (rebuilds.find(generation).isEmpty()) {
            return unknown(generation);
        }
        if (!rebuilds.cancel(generation)) {
            return HttpResponse.status(HttpStatus.CONFLICT).body(ErrorBody.of("generation " + generation
                    + " is not being rebuilt; nothing to cancel", List.of()));
        }
        return HttpResponse.ok(progress(rebuilds.find(generation).orElseThrow()));
    }

    private RebuildProgress progress(RebuildStore.Row row) {
        long applied = switch (row.state()) {
            case "BUILDING", "ACTIVE", "RETIRED" -> safeApplied(row.generation());
            default -> 0;
        };
        return RebuildProgress.of(row, applied, Instant.now());
    }

    /** A retired generation whose tables were dropped has no checkpoint left: 0. */
    private long safeApplied(int generation) {
        try {
            return rebuilds.applied(generation);
        } catch (RuntimeException dropped) {
            return 0;
        }
    }

    private static HttpResponse<?> unknown(int generation) {
        return HttpResponse.notFound(ErrorBody.of("no generation " + generation,
                List.of(new FieldError("generation", "is not a generation of the read models"))));
    }
}
