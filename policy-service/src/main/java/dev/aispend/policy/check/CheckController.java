package dev.aispend.policy.check;

import dev.aispend.platform.security.Roles;
import io.micronaut.security.annotation.Secured;
import dev.aispend.platform.web.ErrorBody;
import dev.aispend.platform.web.FieldError;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.io.IOException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code POST /v1/checks}: may this spend go ahead? 200 with ALLOW, WARN or DENY, the budget that decided and every
 * budget in scope, and the reservation an allowed check holds; 400 naming the field for invalid input, 409 for a
 * checkId used before with other content, 422 when the estimate cannot be priced. {@code GET} and {@code DELETE
 * /v1/checks/reservations/{id}} show and release a reservation (404 when none is held). Blocking: off the event
 * loop.
 */
@Secured(Roles.GATEWAY)
@Controller("/v1/checks")
@ExecuteOn(TaskExecutors.BLOCKING)
final class CheckController {
    private static final Pattern RESERVATION_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final CheckService checks;
    private final JsonMapper json;

    CheckController(CheckService checks, JsonMapper json) {
        this.checks = checks;
        this.json = json;
    }

    @Post(consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    HttpResponse<?> check(@Body @Nullable byte[] body) {
        try {
            return HttpResponse.ok(checks.check(parse(body)));
        } catch (CheckRefusedException refused) {
            return HttpResponse.status(refused.status()).body(ErrorBody.of(refused.getMessage(), refused.errors()));
        }
    }

    @Get(value = "/reservations/{reservationId}", produces = MediaType.APPLICATION_JSON)
    HttpResponse<?> reservation(@PathVariable String reservationId) {
        if (!RESERVATION_ID.matcher(reservationId).matches()) {
            return invalidReservationId();
        }
        return checks.reservation(reservationId).<HttpResponse<?>>map(HttpResponse::ok)
                .orElseGet(() -> notHeld(reservationId));
    }

    @Delete("/reservations/{reservationId}")
    HttpResponse<?> release(@PathVariable String reservationId) {
        if (!RESERVATION_ID.matcher(reservationId).matches()) {
            return invalidReservationId();
        }
        return checks.release(reservationId) ? HttpResponse.noContent() : notHeld(reservationId);
    }

    private JsonNode parse(@Nullable byte[] body) {
        if (body == null || body.length == 0) {
            throw CheckRefusedException.invalid(List.of(new FieldError("$", "the body is empty")));
        }
        try {
            return json.readValue(body, JsonNode.class);
        } catch (IOException malformed) {
            String message = String.valueOf(malformed.getMessage());
            int newline = message.indexOf('\n');
            throw CheckRefusedException.invalid(List.of(new FieldError("$", "is not valid JSON: "
                    + (newline < 0 ? message : message.substring(0, newline)))));
        }
    }

    private static HttpResponse<?> invalidReservationId() {
        return HttpResponse.badRequest(ErrorBody.of("invalid reservationId", List.of(new FieldError(
                "reservationId", "must be 1..64 letters, digits and _ -"))));
    }

    private static HttpResponse<?> notHeld(String reservationId) {
        return HttpResponse.notFound(ErrorBody.of("no reservation " + reservationId + " is held: unknown, settled, "
                + "released or expired", List.of(new FieldError("reservationId", "is not held"))));
    }
}
