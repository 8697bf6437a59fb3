package dev.aispend.ingest.source.otlp;

import dev.aispend.ingest.acceptance.Acceptance;
import dev.aispend.platform.web.FieldError;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What an export came to, for its {@code partialSuccess}: how many items were refused and why, in words a
 * client developer reads in an exporter's log (the first few reasons; the count is always complete).
 *
 * @param rejected     how many data points, log records or spans were refused (0: full success)
 * @param errorMessage empty on full success
 */
record ExportResult(int rejected, String errorMessage) {
    /** Reasons named in one answer: exporters log the message as one line. */
    static final int MAX_REASONS = 5;

    static ExportResult of(String itemsName, List<FieldError> refused, Acceptance... acceptances) {
        int rejected = refused.size();
        List<FieldError> reasons = new ArrayList<>(refused);
        for (Acceptance acceptance : acceptances) {
            rejected += acceptance.rejectedCount();
            reasons.addAll(acceptance.rejected());
        }
        if (rejected == 0) {
            return new ExportResult(0, "");
        }
        String named = reasons.stream().limit(MAX_REASONS)
                .map(reason -> reason.field() == null ? reason.message() : reason.field() + ": " + reason.message())
                .collect(Collectors.joining("; "));
        String more = reasons.size() > MAX_REASONS ? "; and " + (reasons.size() - MAX_REASONS) + " more reasons"
                : "";
        return new ExportResult(rejected, rejected + " " + itemsName + " rejected: " + named + more);
    }
}
