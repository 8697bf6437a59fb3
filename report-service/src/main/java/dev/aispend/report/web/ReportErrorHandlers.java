package dev.aispend.report.web;

import dev.aispend.platform.web.ErrorBody;
import dev.aispend.platform.web.FieldError;
import dev.aispend.report.readmodel.AsOf;
import dev.aispend.report.readmodel.ReportReads;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * The answers to refused report requests, as RFC 9457 problem details (platform ProblemDetailsFilter): 400 naming
 * each bad parameter, 403 for people hidden from the caller, 409 for an asOf the reports have not reached.
 */
final class ReportErrorHandlers {
    private ReportErrorHandlers() {
    }

    @Produces
    @Singleton
    @Requires(classes = InvalidReportRequestException.class)
    static final class OfInvalid implements ExceptionHandler<InvalidReportRequestException, HttpResponse<ErrorBody>> {
        @Override
        public HttpResponse<ErrorBody> handle(HttpRequest request, InvalidReportRequestException exception) {
            return HttpResponse.<ErrorBody>status(HttpStatus.BAD_REQUEST)
                    .body(ErrorBody.of(exception.getMessage(), exception.errors()));
        }
    }

    @Produces
    @Singleton
    @Requires(classes = AsOf.InvalidAsOfException.class)
    static final class OfAsOf implements ExceptionHandler<AsOf.InvalidAsOfException, HttpResponse<ErrorBody>> {
        @Override
        public HttpResponse<ErrorBody> handle(HttpRequest request, AsOf.InvalidAsOfException exception) {
            return HttpResponse.<ErrorBody>status(HttpStatus.BAD_REQUEST)
                    .body(ErrorBody.of("invalid report request", exception.errors()));
        }
    }

    @Produces
    @Singleton
    @Requires(classes = ReportReads.AsOfNotReachedException.class)
    static final class OfNotReached
            implements ExceptionHandler<ReportReads.AsOfNotReachedException, HttpResponse<ErrorBody>> {
        @Override
        public HttpResponse<ErrorBody> handle(HttpRequest request, ReportReads.AsOfNotReachedException exception) {
            return HttpResponse.<ErrorBody>status(HttpStatus.CONFLICT).body(ErrorBody.of(exception.getMessage(),
                    List.of(new FieldError("asOf", "is past the last applied ledger position"))));
        }
    }

    @Produces
    @Singleton
    @Requires(classes = ReportReads.AsOfTimeNotReachedException.class)
    static final class OfTimeNotReached
            implements ExceptionHandler<ReportReads.AsOfTimeNotReachedException, HttpResponse<ErrorBody>> {
        @Override
        public HttpResponse<ErrorBody> handle(HttpRequest request, ReportReads.AsOfTimeNotReachedException exception) {
            return HttpResponse.<ErrorBody>status(HttpStatus.CONFLICT).body(ErrorBody.of(exception.getMessage(),
                    List.of(new FieldError("asOf", "is not final yet"))));
        }
    }

    @Produces
    @Singleton
    @Requires(classes = ReportReads.UnknownGenerationException.class)
    static final class OfGeneration
            implements ExceptionHandler<ReportReads.UnknownGenerationException, HttpResponse<ErrorBody>> {
        @Override
        public HttpResponse<ErrorBody> handle(HttpRequest request, ReportReads.UnknownGenerationException exception) {
            return HttpResponse.<ErrorBody>status(HttpStatus.NOT_FOUND).body(ErrorBody.of(exception.getMessage(),
                    List.of(new FieldError("generation", "has no read-model tables"))));
        }
    }

    @Produces
    @Singleton
    @Requires(classes = PeopleNotVisibleException.class)
    static final class OfPeople implements ExceptionHandler<PeopleNotVisibleException, HttpResponse<ErrorBody>> {
        @Override
        public HttpResponse<ErrorBody> handle(HttpRequest request, PeopleNotVisibleException exception) {
            return HttpResponse.<ErrorBody>status(HttpStatus.FORBIDDEN).body(ErrorBody.of(exception.getMessage(),
                    List.of(new FieldError(exception.field(), "asks for person-level figures"))));
        }
    }
}
