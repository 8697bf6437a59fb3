package dev.aispend.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading the services' job statuses (as the local system answered them) into history rates. */
class HistoryRatesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    @Test
    void aRateIsEntriesPerSecondOverTheElapsedTimeRoundedToATenth() {
        HistoryRates.Rate rate = new HistoryRates.Rate(15, 81);

        assertThat(rate.toMap()).containsExactly(Map.entry("entries", 15L), Map.entry("seconds", 0.081),
                Map.entry("entriesPerSecond", 185.2));
    }

    @Test
    void aRateOverLessThanAMillisecondCountsOneMillisecondAsTheServicesDo() {
        assertThat(new HistoryRates.Rate(14, 0).entriesPerSecond()).isEqualTo(14_000.0);
    }

    @Test
    void aRateBetweenTwoServiceInstantsUsesTheirMilliseconds() {
        HistoryRates.Rate rate = HistoryRates.Rate.between(15, "2026-11-24T20:45:20.235080Z",
                "2026-11-24T20:45:21.326213Z");

        assertThat(rate.elapsedMillis()).isEqualTo(1091);
        assertThat(rate.entriesPerSecond()).isEqualTo(13.7);
    }

    @Test
    void aCompletedLedgerVerificationGivesTheLedgerOwnTimeAndOutcome() throws Exception {
        Map<String, Object> figures = HistoryRates.ledgerVerificationFigures(json("""
                {"id":"dd23","state":"COMPLETED","fromPosition":1,"toPosition":14,"entriesRead":14,
                 "requestedAt":"2026-11-24T20:43:49.526497447Z","report":{"fromPosition":1,"toPosition":14,
                 "verified":true,"verifiedEntries":14,"checkpointsVerified":1,"elapsedMillis":15,
                 "entriesPerSecond":933}}"""));

        assertThat(figures).containsEntry("entries", 14L).containsEntry("seconds", 0.015)
                .containsEntry("entriesPerSecond", 933.3).containsEntry("verified", true)
                .containsEntry("checkpointsVerified", 1L).doesNotContainKey("damage");
    }

    @Test
    void aDamagedLedgerNamesTheDamageAndWhereItBegins() throws Exception {
        Map<String, Object> figures = HistoryRates.ledgerVerificationFigures(json("""
                {"id":"a","state":"COMPLETED","report":{"verified":false,"verifiedEntries":6,
                 "elapsedMillis":3,"firstBadPosition":7,"damage":"HASH_MISMATCH"}}"""));

        assertThat(figures).containsEntry("verified", false).containsEntry("damage", "HASH_MISMATCH")
                .containsEntry("firstBadPosition", 7L);
    }

    @Test
    void aFailedLedgerVerificationIsAnErrorShowingItsStatus() {
        assertThatThrownBy(() -> HistoryRates.ledgerVerificationFigures(json("""
                {"id":"a","state":"FAILED","failure":"connection refused"}""")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ledger verification ended FAILED").hasMessageContaining("connection refused");
    }

    @Test
    void aDecisionVerificationCountsThePositionsRederivedTimedByThePolicyService() throws Exception {
        Map<String, Object> figures = HistoryRates.decisionVerificationFigures(json("""
                {"verificationId":"ver_9","status":"COMPLETED","fromPosition":1,"toPosition":14,"entriesRead":28,
                 "requestedBy":"bench","requestedAt":"2026-11-24T20:43:50.912848Z",
                 "finishedAt":"2026-11-24T20:43:52.606403Z","result":{"fromPosition":1,"toPosition":14,
                 "entriesRead":28,"matches":5,"mismatchCount":1,"missingCount":0,"extraCount":2,
                 "mismatches":[],"missing":[],"extra":[]}}"""));

        assertThat(figures).containsEntry("entries", 14L).containsEntry("seconds", 1.693)
                .containsEntry("entriesPerSecond", 8.3).containsEntry("entriesRead", 28L)
                .containsEntry("matches", 5L).containsEntry("mismatches", 1L).containsEntry("missing", 0L)
                .containsEntry("extra", 2L);
    }

    @Test
    void aRebuildHasFinishedOnlyOnceItServesAndHasComparedDigests() throws Exception {
        assertThat(HistoryRates.rebuildFinished(json("{\"state\":\"BUILDING\"}"))).isFalse();
        assertThat(HistoryRates.rebuildFinished(json("{\"state\":\"ACTIVE\"}"))).isFalse();
        assertThat(HistoryRates.rebuildFinished(json("""
                {"state":"ACTIVE","comparison":{"position":15,"equal":true,"readModels":[]}}"""))).isTrue();
        assertThat(HistoryRates.rebuildFinished(json("{\"state\":\"FAILED\"}"))).isTrue();
    }

    @Test
    void aSwitchedRebuildGivesThePositionsAppliedUntilItServed() throws Exception {
        Map<String, Object> figures = HistoryRates.rebuildStatusFigures(json("""
                {"generation":2,"state":"ACTIVE","startedBy":"bench","startedAt":"2026-11-24T20:45:20.235080Z",
                 "activatedAt":"2026-11-24T20:45:21.326213Z","replayId":"41c7","replayTopic":"ledger-replay.report-g2",
                 "targetPosition":15,"appliedPosition":17,"entriesPerSecond":15.6,
                 "comparison":{"position":15,"equal":true,"readModels":["spend a a"]}}"""));

        assertThat(figures).containsEntry("entries", 15L).containsEntry("seconds", 1.091)
                .containsEntry("entriesPerSecond", 13.7).containsEntry("generation", 2)
                .containsEntry("comparedPosition", 15L).containsEntry("serviceDigestsEqual", true);
    }

    @Test
    void aFailedRebuildIsAnErrorShowingItsStatus() {
        assertThatThrownBy(() -> HistoryRates.rebuildStatusFigures(json("""
                {"generation":3,"state":"FAILED","failure":"the rebuild's consumer failed 25 times in a row"}""")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("report rebuild ended FAILED")
                .hasMessageContaining("25 times in a row");
    }

    @Test
    void theServingGenerationIsTheActiveOne() throws Exception {
        assertThat(HistoryRates.servingGeneration(json("""
                [{"generation":3,"state":"BUILDING"},{"generation":2,"state":"ACTIVE"},
                 {"generation":1,"state":"RETIRED"}]"""))).isEqualTo(2);
    }

    @Test
    void digestsAreEqualWhenEveryReadModelIsWhateverTheGenerationsAsOfSays() throws Exception {
        JsonNode rebuilt = json("""
                {"asOf":{"ledgerPosition":15,"appliedPosition":17,"generation":2},
                 "readModels":[{"readModel":"spend","sha256":"aa","rows":3}]}""");
        JsonNode replaced = json("""
                {"asOf":{"ledgerPosition":15,"appliedPosition":15,"generation":1},
                 "readModels":[{"readModel":"spend","sha256":"aa","rows":3}]}""");
        JsonNode different = json("""
                {"asOf":{"generation":1},"readModels":[{"readModel":"spend","sha256":"bb","rows":3}]}""");

        assertThat(HistoryRates.digestsEqual(rebuilt, replaced)).isTrue();
        assertThat(HistoryRates.digestsEqual(rebuilt, different)).isFalse();
        assertThat(HistoryRates.digestsEqual(json("{\"readModels\":[]}"), json("{\"readModels\":[]}"))).isFalse();
    }

    @Test
    void aReplayGivesTheEntriesPublishedTimedByTheLedgerAndSaysWhenItWasOneChunkOfSeveral() throws Exception {
        Map<String, Object> figures = HistoryRates.ledgerReplayFigures(json("""
                {"id":"41c7","topic":"ledger-replay.report-g2-1","fromPosition":1000001,"toPosition":1000015,
                 "publishedPosition":1000015,"total":15,"published":15,"state":"COMPLETED","entriesPerSecond":185.2,
                 "startedAt":"2026-11-24T20:45:20.498562Z","finishedAt":"2026-11-24T20:45:20.579698Z"}"""));

        assertThat(figures).containsEntry("entries", 15L).containsEntry("seconds", 0.081)
                .containsEntry("entriesPerSecond", 185.2).containsEntry("measured", true)
                .containsEntry("replayId", "41c7").containsKey("note");
    }

    @Test
    void aCancelledReplayIsAnErrorShowingItsStatus() {
        assertThatThrownBy(() -> HistoryRates.ledgerReplayFigures(json("""
                {"id":"41c7","state":"CANCELLED","published":3}""")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("ledger replay ended CANCELLED");
    }
}
