package dev.aispend.report.efficiency;

import dev.aispend.contracts.ledger.IdentityLinked;
import dev.aispend.contracts.ledger.OutcomeRecorded;
import dev.aispend.contracts.ledger.Spend;
import dev.aispend.contracts.ledger.SpendRecorded;
import dev.aispend.contracts.outcome.OutcomeRecord;
import dev.aispend.contracts.usage.TokenCounts;
import dev.aispend.contracts.usage.UsageAccounting;
import dev.aispend.report.query.OutcomeKinds;
import dev.aispend.testsupport.ledger.SpendMother;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;

/**
 * Ledger payloads for the efficiency and distribution ITs: only what those reports read is a parameter (who, which
 * team, when, tokens, cost; the kind of an outcome); everything else is fixed.
 */
public final class LedgerPayloads {
    private LedgerPayloads() {
    }

    /** Noon UTC of a day of October 2026. */
    public static Instant october(int day) {
        return day(LocalDate.of(2026, 10, day));
    }

    public static Instant day(LocalDate day) {
        return day.atTime(12, 0).toInstant(ZoneOffset.UTC);
    }

    /** Priced spend of {@code inputTokens} input tokens (no other type), costing {@code costUsdMicros}. */
    public static SpendRecorded spend(String recordId, String personRef, String team, Instant at, long inputTokens,
                                      long costUsdMicros) {
        return new SpendRecorded(recordId, personRef, team, null, "anthropic", "claude-test",
                Spend.priced(TokenCounts.of(inputTokens, 0), costUsdMicros, SpendMother.FIRST_CARD), null,
                "coding", "api", null, null, at, at, sha(recordId), null);
    }

    public static OutcomeRecorded mergedPr(String outcomeId, String personRef, String team, Instant at) {
        return outcome(outcomeId, OutcomeKinds.MERGED_PR, personRef, team, at, null);
    }

    public static OutcomeRecorded outcome(String outcomeId, String kind, String personRef, String team, Instant at,
                                          UsageAccounting accounting) {
        return new OutcomeRecorded(outcomeId, kind, personRef, team, null, "acme/app", 1L, 10L, 2L, List.of(),
                OutcomeRecord.AiAssistance.NONE, "github", at, at, sha(outcomeId), null, accounting);
    }

    /** The directory's link of a person's own key: from {@code effectiveFrom} on, in {@code team}. */
    public static IdentityLinked link(String personRef, String team, Instant effectiveFrom) {
        return aliasLink(personRef, "person", personRef, team, effectiveFrom);
    }

    /** The link of another alias of a person (an email), which the directory records beside the person's own. */
    public static IdentityLinked aliasLink(String aliasRef, String aliasKind, String personRef, String team,
                                           Instant effectiveFrom) {
        String linkId = "lnk-" + aliasRef + "-" + team + "-" + effectiveFrom.getEpochSecond();
        return new IdentityLinked(linkId, aliasRef, aliasKind, personRef, team, null, "directory", effectiveFrom,
                effectiveFrom, sha(linkId));
    }

    private static String sha(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
