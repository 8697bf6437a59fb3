package dev.aispend.policy.antigaming;

import dev.aispend.policy.activity.PeopleDirectory;
import dev.aispend.policy.activity.PersonTally;
import dev.aispend.policy.activity.TeamMedian;
import dev.aispend.policy.activity.ZoneActivity;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.function.ToLongFunction;

/**
 * Judges one anomaly rule for one person in a closed window, in whole numbers (multiples as percentages). Pure.
 * Returns the figures that made the flag (its evidence), or empty when the person is not flagged.
 */
public final class AnomalyJudge {
    private AnomalyJudge() {
    }

    public static Optional<Map<String, Object>> judge(AnomalyDefinition rule, String personRef,
                                                      ZoneActivity.ClosedWindow window,
                                                      Map<String, PersonTally> windowBefore,
                                                      PeopleDirectory directory) {
        PersonTally tally = window.people().get(personRef);
        if (tally == null || tally.calls() == 0) {
            return Optional.empty();
        }
        return switch (rule.rule()) {
            case SPEND_WITHOUT_OUTCOMES -> spendWithoutOutcomes(rule, tally);
            case TOKENS_PER_MERGED_PR_ABOVE_TEAM_MEDIAN -> tokensPerPr(rule, personRef, window, directory);
            case OVERNIGHT_IDLE_LOOP -> overnight(rule, tally);
            case PROMPT_INFLATION -> inflation(rule, personRef, window, windowBefore, directory);
        };
    }

    private static Optional<Map<String, Object>> spendWithoutOutcomes(AnomalyDefinition rule, PersonTally tally) {
        if (tally.mergedPullRequests() > 0 || tally.costUsdMicros() < rule.minimumSpendUsdMicros()) {
            return Optional.empty();
        }
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("spendUsdMicros", tally.costUsdMicros());
        figures.put("minimumSpendUsdMicros", rule.minimumSpendUsdMicros());
        figures.put("mergedPullRequests", 0L);
        return Optional.of(figures);
    }

    private static Optional<Map<String, Object>> tokensPerPr(AnomalyDefinition rule, String personRef,
                                                             ZoneActivity.ClosedWindow window,
                                                             PeopleDirectory directory) {
        PersonTally own = window.people().get(personRef);
        if (own.mergedPullRequests() < rule.minimumMergedPrs()) {
            return Optional.empty();
        }
        OptionalLong median = teamMedian(personRef, window, directory,
                tally -> tally.mergedPullRequests() >= rule.minimumMergedPrs(),
                tally -> tally.totalTokens() / tally.mergedPullRequests());
        long mine = own.totalTokens() / own.mergedPullRequests();
        if (median.isEmpty() || !above(mine, median.getAsLong(), rule.multiplePercent())) {
            return Optional.empty();
        }
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("tokensPerMergedPr", mine);
        figures.put("teamMedianTokensPerMergedPr", median.getAsLong());
        figures.put("multiplePercent", rule.multiplePercent());
        figures.put("mergedPullRequests", own.mergedPullRequests());
        return Optional.of(figures);
    }

    /** Nights of off-hours activity: a night is keyed by the date its off-hours start on. */
    private static Optional<Map<String, Object>> overnight(AnomalyDefinition rule, PersonTally tally) {
        if (tally.mergedPullRequests() > 0) {
            return Optional.empty();
        }
        Map<LocalDate, long[]> nights = new TreeMap<>();
        tally.callsByLocalHour().forEach((hourKey, calls) -> {
            LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(hourKey, 24));
            LocalTime hour = LocalTime.of((int) Math.floorMod(hourKey, 24), 0);
            if (!rule.offHours(hour)) {
                return;
            }
            boolean wraps = rule.offHoursFrom().isAfter(rule.offHoursTo());
            LocalDate night = wraps && hour.isBefore(rule.offHoursTo()) ? date.minusDays(1) : date;
            long[] counts = nights.computeIfAbsent(night, unused -> new long[2]);
            counts[0] += calls;
            counts[1]++;
        });
        List<String> loopNights = new ArrayList<>();
        long offHoursCalls = 0;
        for (Map.Entry<LocalDate, long[]> night : nights.entrySet()) {
            if (night.getValue()[0] >= rule.minimumOffHoursCalls()
                    && night.getValue()[1] >= rule.minimumOffHoursHours()) {
                loopNights.add(night.getKey().toString());
                offHoursCalls += night.getValue()[0];
            }
        }
        if (loopNights.size() < rule.minimumNights()) {
            return Optional.empty();
        }
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("nights", loopNights);
        figures.put("offHoursCalls", offHoursCalls);
        figures.put("offHours", rule.offHoursFrom() + "-" + rule.offHoursTo());
        figures.put("mergedPullRequests", 0L);
        return Optional.of(figures);
    }

    private static Optional<Map<String, Object>> inflation(AnomalyDefinition rule, String personRef,
                                                           ZoneActivity.ClosedWindow window,
                                                           Map<String, PersonTally> windowBefore,
                                                           PeopleDirectory directory) {
        PersonTally own = window.people().get(personRef);
        if (own.calls() < rule.minimumCalls()) {
            return Optional.empty();
        }
        Map<String, Object> figures = new LinkedHashMap<>();
        boolean perCall = inflated(rule, personRef, window, windowBefore, directory, figures, "promptTokensPerCall",
                tally -> tally.promptTokens() / tally.calls());
        boolean perOutput = inflated(rule, personRef, window, windowBefore, directory, figures,
                "promptTokensPerOutputToken", tally -> tally.promptTokens() / Math.max(1, tally.outputTokens()));
        if (!perCall && !perOutput) {
            return Optional.empty();
        }
        figures.put("calls", own.calls());
        figures.put("multiplePercent", rule.multiplePercent());
        return Optional.of(figures);
    }

    /** Above the multiple of the team's median and of the person's own figure in the window before, if any. */
    private static boolean inflated(AnomalyDefinition rule, String personRef, ZoneActivity.ClosedWindow window,
                                    Map<String, PersonTally> windowBefore, PeopleDirectory directory,
                                    Map<String, Object> figures, String name, ToLongFunction<PersonTally> of) {
        long mine = of.applyAsLong(window.people().get(personRef));
        OptionalLong team = teamMedian(personRef, window, directory,
                tally -> tally.calls() >= rule.minimumCalls(), of);
        PersonTally before = windowBefore.get(personRef);
        Long ownBefore = before != null && before.calls() >= rule.minimumCalls() ? of.applyAsLong(before) : null;
        boolean flagged = team.isPresent() && above(mine, team.getAsLong(), rule.multiplePercent())
                && (ownBefore == null || above(mine, ownBefore, rule.multiplePercent()));
        if (flagged) {
            figures.put(name, mine);
            figures.put(name + "TeamMedian", team.getAsLong());
            if (ownBefore != null) {
                figures.put(name + "WindowBefore", ownBefore);
            }
        }
        return flagged;
    }

    private static OptionalLong teamMedian(String personRef, ZoneActivity.ClosedWindow window,
                                           PeopleDirectory directory,
                                           java.util.function.Predicate<PersonTally> counts,
                                           ToLongFunction<PersonTally> of) {
        String team = directory.teamOf(personRef);
        List<Long> values = new ArrayList<>();
        window.people().forEach((person, tally) -> {
            if (team != null && team.equals(directory.teamOf(person)) && counts.test(tally)) {
                values.add(of.applyAsLong(tally));
            }
        });
        return TeamMedian.of(values);
    }

    /** {@code value} above {@code multiplePercent} % of {@code norm}; a norm of 0 is exceeded by anything above 0. */
    private static boolean above(long value, long norm, int multiplePercent) {
        return value * 100 > norm * multiplePercent;
    }
}
