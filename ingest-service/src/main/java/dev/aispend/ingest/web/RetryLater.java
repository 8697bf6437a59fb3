package dev.aispend.ingest.web;

import dev.aispend.platform.web.ErrorBody;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;

import java.util.List;

/** The answer to retry: 503 with {@code Retry-After} and a sentence saying why and that nothing was lost. */
public final class RetryLater {
    private RetryLater() {
    }

    public static HttpResponse<ErrorBody> after(int retryAfterSeconds, String detail) {
        return HttpResponse.<ErrorBody>status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Integer.toString(retryAfterSeconds))
                .body(ErrorBody.of(detail, List.of()));
    }
}
