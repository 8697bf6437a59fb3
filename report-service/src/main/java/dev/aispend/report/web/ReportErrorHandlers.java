package dev.aispend.report.web;

import dev.aispend.platform.web.ErrorBody;
import dev.aispend.report.readmodel.ReportRefusal;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/**
 * The answer to every refused report request, as RFC 9457 problem details (platform ProblemDetailsFilter): the
 * refusal's status (400 naming each bad parameter, 403 for people hidden from the caller, 404 for a generation
 * without tables, 409 for an asOf the reports have not reached), its sentence and the parameters it names.
 */
@Produces
@Singleton
final class ReportErrorHandlers implements ExceptionHandler<ReportRefusal, HttpResponse<ErrorBody>> {

    @Override
    public HttpResponse<ErrorBody> handle(HttpRequest request, ReportRefusal refusal) {
        return HttpResponse.<ErrorBody>status(HttpStatus.valueOf(refusal.status()))
                .body(ErrorBody.of(refusal.detail(), refusal.errors()));
    }
}
