package dev.aispend.platform.ledger;

import dev.aispend.platform.security.Roles;
import io.micronaut.security.annotation.Secured;
import dev.aispend.platform.web.ErrorBody;
import dev.aispend.platform.web.FieldError;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * {@code POST /v1/projections/{name}/rebuild} in every service with projections: 202 once the projection's rows
 * are gone, its checkpoint is 0 and it reads ledger.v1 from the first entry again; the query endpoints report
 * how far it caught up ({@code asOfLedgerPosition}). 404 for a name the service does not have.
 */
@Secured(Roles.COMPLIANCE_OFFICER)
@Controller("/v1/projections")
@Requires(beans = LedgerFollowerLifecycle.class)
@ExecuteOn(TaskExecutors.BLOCKING)
final class ProjectionRebuildController {
    private final LedgerFollowerLifecycle lifecycle;

    ProjectionRebuildController(LedgerFollowerLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    /** The answer to an accepted rebuild. */
    @Serdeable
    record RebuildStarted(String projection, String status) {
    }

    @Post("/{name}/rebuild")
    HttpResponse<?> rebuild(@PathVariable String name) {
        if (!lifecycle.projectionNames().contains(name)) {
            return HttpResponse.notFound(ErrorBody.of("no projection named '" + name + "'", List.of(
                    new FieldError("name", "must be one of " + String.join(", ", lifecycle.projectionNames())))));
        }
        lifecycle.rebuild(name);
        return HttpResponse.accepted().body(new RebuildStarted(name, "rebuilding"));
    }
}
