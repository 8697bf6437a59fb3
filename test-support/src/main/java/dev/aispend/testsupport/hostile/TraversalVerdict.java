package dev.aispend.testsupport.hostile;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;

/**
 * Whether a service answered a path variable holding a traversal as it must: 400 or 404 as problem details, so
 * nothing was found by it, never served and never a failure. {@code leaks} are texts of files a traversal could
 * reach (a service's configuration, a system file) that no answer may carry.
 */
public final class TraversalVerdict {
    private static final List<String> LEAKS = List.of("root:x:0:0", "datasources:", "<configuration>",
            "micronaut:");

    private TraversalVerdict() {
    }

    /** What is wrong with {@code answer} to {@code request}; empty when nothing is. */
    public static Optional<String> of(String request, HttpResponse<String> answer) {
        String what = request + " answered " + answer.statusCode() + " " + answer.body();
        if (LEAKS.stream().anyMatch(answer.body()::contains)) {
            return Optional.of(what + ": it carries a file's content");
        }
        if (answer.statusCode() != 400 && answer.statusCode() != 404) {
            return Optional.of(what + ": must be 400 or 404");
        }
        boolean problem = Problem.of(answer).filter(details -> details.status() == answer.statusCode()).isPresent();
        return problem ? Optional.empty() : Optional.of(what + ": must be problem details");
    }
}
