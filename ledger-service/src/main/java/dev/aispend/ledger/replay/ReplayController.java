package dev.aispend.ledger.replay;

import dev.aispend.platform.security.Actors;
import dev.aispend.platform.security.Roles;
import io.micronaut.security.annotation.Secured;
import dev.aispend.platform.web.ErrorBody;
import dev.aispend.platform.web.FieldError;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * Replays of stored entries for compliance and rebuilds:
 * <ul>
 * <li>{@code POST /v1/ledger/replays} {@code {"fromPosition", "toPosition"?, "topic"?, "reason"?}}: 202 with the
 * replay (state RUNNING) and its Location, after the ledger recorded it ({@code ReplayRequested}, the caller as
 * actor); 400 naming each bad field (an {@code actor} other than the caller among them); 429 when
 * max-concurrent replays already run.</li>
 * <li>{@code GET /v1/ledger/replays/{id}}: its progress; 404 for an unknown id.</li>
 * <li>{@code DELETE /v1/ledger/replays/{id}} or {@code POST .../cancel}: 200 CANCELLED (the job stops at its
 * next batch boundary); 409 if it had already COMPLETED or FAILED; 404 for an unknown id.</li>
 * </ul>
 * Blocking work (database, topic creation), so off the event loop.
 */
@Secured(Roles.COMPLIANCE_OFFICER)
@Controller("/v1/ledger/replays")
@ExecuteOn(TaskExecutors.BLOCKING)
final class ReplayController {
    private static final String PATH = "/v1/ledger/replays/";

    private final ReplayCoordinator replays;

    ReplayController(ReplayCoordinator replays) {
        this.replays = replays;
    }

    @Post(consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    HttpResponse<?> start(@Body ReplayRequest request, Authentication caller) throws Exception {
        Optional<String> recordable = Actors.recordable(caller.getName());
        if (recordable.isEmpty()) {
            return HttpResponse.badRequest(ErrorBody.of("the replay request is invalid; nothing was started",
                    List.of(Actors.refusal())));
        }
        String actor = recordable.get();
        Optional<FieldError> claimed = Actors.claimedOther(request.actor(), actor);
        if (claimed.isPresent()) {
            return HttpResponse.badRequest(ErrorBody.of("the replay request is invalid; nothing was started",
                    List.of(claimed.get())));
        }
        try {
            ReplayProgress started = replays.start(request, actor);
            return HttpResponse.accepted(URI.create(PATH + started.id())).body(started);
        } catch (InvalidReplayException invalid) {
            return HttpResponse.badRequest(ErrorBody.of("the replay request is invalid; nothing was started",
                    invalid.errors()));
        } catch (ReplayBusyException busy) {
            return HttpResponse.status(HttpStatus.TOO_MANY_REQUESTS).body(ErrorBody.of(busy.getMessage(),
                    List.of()));
        }
    }

    @Get(value = "/{id}", produces = MediaType.APPLICATION_JSON)
    HttpResponse<?> progress(@PathVariable String id) {
        return replays.find(id).<HttpResponse<?>>map(HttpResponse::ok).orElseGet(() -> unknown(id));
    }

    @Delete(value = "/{id}", produces = MediaType.APPLICATION_JSON)
    HttpResponse<?> cancel(@PathVariable String id) {
        return replays.cancel(id).<HttpResponse<?>>map(replay -> replay.state() == ReplayState.CANCELLED
                ? HttpResponse.ok(replay)
                : HttpResponse.status(HttpStatus.CONFLICT).body(ErrorBody.of("replay " + id + " had already "
                        + "ended (" + replay.state() + "); nothing to cancel", List.of())))
                .orElseGet(() -> unknown(id));
    }

    @Post(value = "/{id}/cancel", produces = MediaType.APPLICATION_JSON)
    HttpResponse<?> cancelByPost(@PathVariable String id) {
        return cancel(id);
    }

    private static HttpResponse<?> unknown(String id) {
        return HttpResponse.notFound(ErrorBody.of("no replay with id '" + id + "'",
                List.of(new FieldError("id", "is not a known replay"))));
    }
}
