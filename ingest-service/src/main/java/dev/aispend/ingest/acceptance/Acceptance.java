package dev.aispend.ingest.acceptance;

import dev.aispend.platform.web.FieldError;

import java.util.List;

/**
 * What the acceptance path did with a request, once Kafka acknowledged every record it published.
 *
 * @param acceptedIds the ids published (and acknowledged), in submission order
 * @param evidence    how many of them were recorded as reconciliation evidence rather than spend
 * @param rejected    why each refused submission was refused (only under {@link Admission#PARTIAL})
 * @param rejectedCount how many submissions were refused (rejected may be capped)
 */
public record Acceptance(List<String> acceptedIds, int evidence, List<FieldError> rejected, int rejectedCount) {

    public Acceptance {
        acceptedIds = List.copyOf(acceptedIds);
        rejected = List.copyOf(rejected);
    }

    public static Acceptance nothing() {
        return new Acceptance(List.of(), 0, List.of(), 0);
    }
}
